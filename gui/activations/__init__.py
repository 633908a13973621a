"""The activation-functions tab: curves, derivatives, softmax, vanishing gradients."""
