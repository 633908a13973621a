"""The bean-SGD tab: one sigmoid neuron learning post 000's beans by per-sample SGD."""
