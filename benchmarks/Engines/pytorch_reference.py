"""Engine "pytorch": the benchmark's networks and loop in PyTorch (Debian's python3-torch, 1.13), as an outside
reference. Same data slice, batch, optimizer, threads and per-step report as the C# engines; prints one JSON line.

Usage: /usr/bin/python3 pytorch_reference.py --case cnn --threads 1 --batch 64 --warmup 20 --steps 200 \
           --optimizer sgdm --lr 0.05 [--seed 1] [--cache DIR] [--fashion DIR]
"""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.2860, 0.3530
TOKEN_VERSION = 1


def read_idx(path, count, item_size):
    with gzip.open(path, "rb") as f:
        magic = f.read(4)
        f.read(4 * magic[3])
        return np.frombuffer(f.read(count * item_size), dtype=np.uint8)


class Images:
    """The first `count` Fashion-MNIST training images as bytes; batches are consecutive images."""

    def __init__(self, directory, count):
        self.pixels = torch.from_numpy(read_idx(f"{directory}/train-images-idx3-ubyte.gz", count, 784).copy()).view(count, 1, 28, 28)
        self.labels = torch.from_numpy(read_idx(f"{directory}/train-labels-idx1-ubyte.gz", count, 1).astype(np.int64))
        self.count = count

    def batch(self, index, size):
        first = index % (self.count // size) * size
        x = (self.pixels[first:first + size].float() / 255 - MEAN) / STD
        return x, self.labels[first:first + size]


class Tokens:
    """A token file written by the C# 'prepare' command (see BenchmarkData.cs)."""

    def __init__(self, path):
        with open(path, "rb") as f:
            magic, version, count, length, vocabulary = struct.unpack("<4s4i", f.read(20))
            if magic != b"MMTK" or version != TOKEN_VERSION:
                raise SystemExit(f"{path} is not a version {TOKEN_VERSION} token file")
            self.labels = np.frombuffer(f.read(4 * count), dtype="<i4")
            self.tokens = np.frombuffer(f.read(4 * count * length), dtype="<i4").reshape(count, length)
        self.count, self.length, self.vocabulary = count, length, vocabulary

    def batch(self, index, size):
        first = index % (self.count // size) * size
        x = torch.from_numpy(self.tokens[first:first + size].astype(np.int64))
        return x, torch.from_numpy(self.labels[first:first + size].astype(np.int64))


def small_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = None
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(y + (x if self.shortcut is None else self.shortcut(x)))


class ResNet20(nn.Module):
    def __init__(self, channels=1, width=16, classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(channels, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU())
        blocks, cin = [], width
        for stage in range(3):
            for b in range(3):
                blocks.append(Block(cin, width << stage, 2 if stage > 0 and b == 0 else 1))
                cin = width << stage
        self.stages = nn.Sequential(*blocks)
        self.head = nn.Linear(4 * width, classes)

    def forward(self, x):
        return self.head(F.adaptive_avg_pool2d(self.stages(self.stem(x)), 1).flatten(1))


class Bag(nn.Module):
    def __init__(self, vocabulary, dim=64, classes=2):
        super().__init__()
        self.bag = nn.EmbeddingBag(vocabulary, dim, mode="mean", padding_idx=0)
        self.head = nn.Linear(dim, classes)
        with torch.no_grad():
            self.bag.weight.uniform_(-1.0 / dim, 1.0 / dim)
            self.bag.weight[0].zero_()
            self.head.weight.zero_()
            self.head.bias.zero_()

    def forward(self, tokens):
        return self.head(self.bag(tokens))


class TextCnn(nn.Module):
    def __init__(self, vocabulary, dim=128, filters=100, widths=(3, 4, 5), dropout=0.5, classes=2):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, dim, padding_idx=0)
        self.convolutions = nn.ModuleList(nn.Conv1d(dim, filters, w) for w in widths)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(filters * len(widths), classes)
        with torch.no_grad():
            self.embedding.weight.uniform_(-0.05, 0.05)
            self.embedding.weight[0].zero_()

    def forward(self, tokens):
        x = self.embedding(tokens).transpose(1, 2)
        pooled = [F.relu(conv(x)).max(2).values for conv in self.convolutions]
        return self.head(self.dropout(torch.cat(pooled, 1)))


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--engine", default="pytorch")
    p.add_argument("--case", required=True, choices=["cnn", "resnet20", "bag", "textcnn"])
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--warmup", type=int, required=True)
    p.add_argument("--steps", type=int, required=True)
    p.add_argument("--optimizer", required=True, choices=["sgdm", "adam"])
    p.add_argument("--lr", type=float, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cache", default="/tmp/momentum-engine-bench")
    p.add_argument("--fashion", default="/usr/share/datasets/fashion-mnist")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    if a.case in ("cnn", "resnet20"):
        data = Images(a.fashion, min(60000 // a.batch, a.warmup + a.steps) * a.batch)
        model = small_cnn() if a.case == "cnn" else ResNet20()
    else:
        data = Tokens(os.path.join(a.cache, f"imdb-{a.case}-v{TOKEN_VERSION}.bin"))
        model = Bag(data.vocabulary) if a.case == "bag" else TextCnn(data.vocabulary)
    model.train()
    if a.optimizer == "sgdm":
        optimizer = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=0.9)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=a.lr)

    def step(index):
        x, y = data.batch(index, a.batch)
        optimizer.zero_grad()
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        (logits.argmax(1) == y).sum().item()  # the same per-step report as our trainer's
        return loss.item()

    for i in range(a.warmup):
        step(i)
    losses = []
    start = time.perf_counter()
    for i in range(a.steps):
        losses.append(step(a.warmup + i))
    seconds = time.perf_counter() - start
    print(json.dumps({
        "engine": a.engine, "case": a.case, "threads": a.threads, "steps": a.steps, "batch": a.batch,
        "seconds": round(seconds, 4), "samplesPerSecond": round(a.steps * a.batch / seconds, 2),
        "peakRssMiB": round(peak_rss_mib(), 1), "finalLoss": round(sum(losses[-10:]) / len(losses[-10:]), 5),
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
