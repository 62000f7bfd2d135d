# Runs a command in a pseudo-terminal, as Windows runs a program in a console window of its own
# (tally.exe double-clicked or given a dropped file, under wine); presses Enter when the program
# asks for it, prints what it showed, then "[pressed=… exit=…]". No PROMPT in the environment:
# Explorer sets none (cmd.exe does). Used by .ci/run.
import os
import pty
import select
import sys
import time

pid, fd = pty.fork()
if pid == 0:
    os.environ.pop('PROMPT', None)
    os.execvp(sys.argv[1], sys.argv[1:])
out = b''
pressed = False
deadline = time.time() + 240
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 1)
    if ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if not pressed and b'Enter' in out:
        time.sleep(1)
        os.write(fd, b'\r')
        pressed = True
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
print(f'\n[pressed={pressed} exit={os.waitstatus_to_exitcode(status)}]')
