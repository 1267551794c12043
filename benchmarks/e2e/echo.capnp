@0xabfef9637aacc2f9;
# The e2e benchmark's baseline: a plain Cap'n Proto round trip over the same loopback, with a
# payload the size of a customer message, and nothing else behind it.

interface Echo {
  echo @0 (payload :Data) -> (payload :Data);
}
