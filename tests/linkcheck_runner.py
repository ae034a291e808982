"""Run LinkChecker's command line without its switch to the user "nobody".

Started as root (as CI runs), LinkChecker drops to "nobody" after reading its settings and
before loading its plugins. When the checkout sits in a private folder, as `mktemp -d`
makes, "nobody" cannot read the plugin modules, and LinkChecker then runs without
[AnchorCheck] and passes broken #anchors without a word. The tests only check their own
local server, so keeping the caller's user is safe here.
"""

import sys

from linkcheck.command import linkchecker as command

command.drop_privileges = lambda: None

if __name__ == "__main__":
    sys.exit(command.linkchecker())
