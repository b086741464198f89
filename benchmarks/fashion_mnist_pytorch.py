"""Side-by-side reference: the same small CNN, data order size and optimizer as
`momentum fashion-mnist`, trained with PyTorch on the same libtorch (Debian python3-torch).

Usage: /usr/bin/python3 benchmarks/fashion_mnist_pytorch.py [--epochs 1] [--threads 2]
Prints images/s and test accuracy so the C# run can be compared in the same session.
"""
import argparse
import gzip
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = "/usr/share/datasets/fashion-mnist"


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def small_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    train_x = read_idx(f"{ROOT}/train-images-idx3-ubyte.gz").astype(np.float32) / 255
    train_y = read_idx(f"{ROOT}/train-labels-idx1-ubyte.gz").astype(np.int64)
    test_x = read_idx(f"{ROOT}/t10k-images-idx3-ubyte.gz").astype(np.float32) / 255
    test_y = read_idx(f"{ROOT}/t10k-labels-idx1-ubyte.gz").astype(np.int64)
    mean, std = train_x.mean(), train_x.std()
    train_x = torch.from_numpy((train_x - mean) / std).unsqueeze(1)
    test_x = torch.from_numpy((test_x - mean) / std).unsqueeze(1)
    train_y, test_y = torch.from_numpy(train_y), torch.from_numpy(test_y)
    model = small_cnn()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    generator = torch.Generator().manual_seed(1)
    for epoch in range(args.epochs):
        order = torch.randperm(len(train_y), generator=generator)
        start = time.perf_counter()
        model.train()
        for i in range(0, len(order), args.batch_size):
            index = order[i:i + args.batch_size]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(train_x[index]), train_y[index])
            loss.backward()
            optimizer.step()
        seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
        print(f"pytorch {torch.__version__}: epoch {epoch + 1}: {seconds:.1f} s, "
              f"{len(order) / seconds:.0f} images/s, test accuracy {accuracy:.2%}")


if __name__ == "__main__":
    main()
