# OSError's constructor picks the subclass its errno names and sets errno,
# strerror and filename; the OS's own errors use its messages.
import os
e = OSError(2, 'x', 'f'); print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, str(e))
e = OSError(2, 'x', 'f', None, 'g'); print(str(e), e.args)
e = OSError(5, 'y'); print(type(e).__name__, str(e), e.filename)
class R(ConnectionError): pass
r = R('boom'); print(r.errno, r.strerror, str(r))
e = FileNotFoundError(13, 'z'); print(type(e).__name__, isinstance(OSError(13, "p"), PermissionError))
print(OSError("x").errno, OSError("x").strerror, OSError("x").filename)
open("/tmp/s23-notdir.txt", "w").close()
for fn in (lambda: os.rmdir("/tmp/s23-notdir.txt"), lambda: os.listdir("/tmp/s23-notdir.txt"), lambda: os.mkdir("/tmp")):
    try:
        fn()
    except OSError as err:
        print(type(err).__name__, err.errno, err.strerror)
os.remove("/tmp/s23-notdir.txt")
raise OSError(2, "No such file", "f.txt")
