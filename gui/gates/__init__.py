"""The perceptron-gates tab: AND, NAND, OR from one neuron; XOR from two layers."""
