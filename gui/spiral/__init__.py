"""The spiral-classifier tab: Dense-ReLU-Dense-Softmax on spiral data."""
