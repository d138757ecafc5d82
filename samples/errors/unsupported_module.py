# expect: 2:1: error: unsupported: module 'socket'
import socket
print(socket.gethostname())
