#!/usr/bin/env python3
"""Trains the conditional noise predictor shipped with expint4j and exports it to ONNX.

A one-off tool: CI and users never run it; the files it writes are committed. Rerun with
Debian's packages (no pip):

    apt-get install python3-torch python3-onnx libopenblas0-pthread   # OpenBLAS: 15x faster than the generic BLAS
    /usr/bin/python3 verification/src/main/python/train_pinwheel.py

It writes, into verification/src/main/resources/org/expint4j/verification/models/:
    pinwheel-cfg.onnx       the network in float32 (what a practitioner would export)
    pinwheel-cfg-f64.onnx   the same weights in float64 (for convergence-order studies)
    pinwheel-cfg.json       the manifest: data set, seed, architecture, training, loss, sha256
and into verification/src/test/resources/org/expint4j/verification/models/:
    pinwheel-cfg-weights.bin  the float64 graph's weights, little-endian float64 in the manifest's
                              order, then the 16 time frequencies, for an evaluation of the network
                              independent of ONNX Runtime
and into solver-core/src/test/resources/org/expint4j/diffusion/model/onnx/: small graphs for the
bad-input tests of the ONNX model class. `train_pinwheel.py --derived` remakes the weights file and the
test graphs from the committed graph and manifest in seconds, without training.

The data set is the pinwheel of K = 5 arms: for arm k, (r, s) = (1 + 0.3 z1, 0.05 z2) with z
standard normal, angle = 2 pi k / K + 0.25 exp(r), point = 1.5 (r cos a - s sin a, r sin a + s cos a).
The network predicts the noise eps of x_t = alpha_t x_0 + sigma_t eps under the VP linear schedule
(beta0 = 0.1, beta1 = 20, continuous t in (0, 1]); inputs x [B, 2], t [B] and class label
y [B] (int64, 0..K-1, or K for "no label"); output eps [B, 2]. Labels are dropped to K with
probability 0.15 during training, so classifier-free guidance is meaningful.
"""
import hashlib
import json
import math
import os
import sys

import torch
from torch import nn

SEED = 20261203
CLASSES = 5
HIDDEN = 128
TIME_FEATURES = 32
CLASS_FEATURES = 16
STEPS = int(os.environ.get("EXPINT_TRAIN_STEPS", 12000))
BATCH = 512
LEARNING_RATE = 2e-3
LABEL_DROPOUT = 0.15
EMA_DECAY = 0.999
BETA0, BETA1 = 0.1, 20.0

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
MAIN = os.path.join(ROOT, "verification/src/main/resources/org/expint4j/verification/models")
TEST = os.path.join(ROOT, "verification/src/test/resources/org/expint4j/verification/models")
CORE_TEST = os.path.join(ROOT, "solver-core/src/test/resources/org/expint4j/diffusion/model/onnx")


def pinwheel(n, generator):
    labels = torch.randint(0, CLASSES, (n,), generator=generator)
    z = torch.randn(n, 2, generator=generator)
    r = 1 + 0.3 * z[:, 0]
    s = 0.05 * z[:, 1]
    angle = 2 * math.pi * labels.to(r.dtype) / CLASSES + 0.25 * torch.exp(r)
    x = torch.stack([r * torch.cos(angle) - s * torch.sin(angle), r * torch.sin(angle) + s * torch.cos(angle)], 1)
    return 1.5 * x, labels


def log_alpha(t):
    return -0.25 * t * t * (BETA1 - BETA0) - 0.5 * t * BETA0


class Net(nn.Module):
    """MLP on [x, sinusoidal features of log t, class embedding], three hidden layers, SiLU.

    The network must be smooth in the sampler's time lambda for its convergence orders to show.
    The DDPM embedding sin(1000 t f), f up to 1, oscillates with a period of 0.06 in lambda near
    t = 1, which no 25-200-step grid resolves (measured: orders 1.2-1.3 for 2M, 3M and 4M alike);
    log t moves by about 2 per unit of lambda near t = 0 and far less near t = 1, so frequencies
    up to 1 give periods of at least 3 in lambda."""

    def __init__(self):
        super().__init__()
        self.classes = nn.Embedding(CLASSES + 1, CLASS_FEATURES)
        self.layers = nn.Sequential(
            nn.Linear(2 + TIME_FEATURES + CLASS_FEATURES, HIDDEN), nn.SiLU(),
            nn.Linear(HIDDEN, HIDDEN), nn.SiLU(),
            nn.Linear(HIDDEN, HIDDEN), nn.SiLU(),
            nn.Linear(HIDDEN, 2))
        half = TIME_FEATURES // 2
        # Geometric from 1/20 to 1.
        self.register_buffer("frequencies", torch.exp(math.log(0.05) * (1 - torch.arange(half) / (half - 1))))

    def forward(self, x, t, y):
        angles = torch.log(t)[:, None] * self.frequencies[None, :]
        features = torch.cat([x, torch.sin(angles), torch.cos(angles), self.classes(y)], 1)
        return self.layers(features)


def train():
    torch.manual_seed(SEED)
    generator = torch.Generator().manual_seed(SEED)
    net = Net()
    ema = Net()
    ema.load_state_dict(net.state_dict())
    optimiser = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, STEPS)
    running = None
    for step in range(1, STEPS + 1):
        x0, labels = pinwheel(BATCH, generator)
        drop = torch.rand(BATCH, generator=generator) < LABEL_DROPOUT
        labels = torch.where(drop, torch.full_like(labels, CLASSES), labels)
        t = 1e-4 + (1 - 1e-4) * torch.rand(BATCH, generator=generator)
        a = torch.exp(log_alpha(t))[:, None]
        s = torch.sqrt(-torch.expm1(2 * log_alpha(t)))[:, None]
        eps = torch.randn(BATCH, 2, generator=generator)
        loss = ((net(a * x0 + s * eps, t, labels) - eps) ** 2).mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        with torch.no_grad():
            for p, q in zip(ema.parameters(), net.parameters()):
                p.mul_(EMA_DECAY).add_(q, alpha=1 - EMA_DECAY)
        running = loss.item() if running is None else 0.99 * running + 0.01 * loss.item()
        if step % 2000 == 0:
            print(f"step {step}: loss {running:.5f}", file=sys.stderr)
    return ema, running


def held_out_loss(net):
    generator = torch.Generator().manual_seed(SEED + 1)
    x0, labels = pinwheel(20000, generator)
    t = 1e-4 + (1 - 1e-4) * torch.rand(20000, generator=generator)
    a = torch.exp(log_alpha(t))[:, None]
    s = torch.sqrt(-torch.expm1(2 * log_alpha(t)))[:, None]
    eps = torch.randn(20000, 2, generator=generator)
    with torch.no_grad():
        return ((net(a * x0 + s * eps, t, labels) - eps) ** 2).mean().item()


def export(net, path, dtype):
    net = net.to(dtype).eval()
    x = torch.zeros(3, 2, dtype=dtype)
    t = torch.full((3,), 0.5, dtype=dtype)
    y = torch.zeros(3, dtype=torch.int64)
    torch.onnx.export(net, (x, t, y), path, input_names=["x", "t", "y"], output_names=["eps"],
                      dynamic_axes={"x": {0: "batch"}, "t": {0: "batch"}, "y": {0: "batch"}, "eps": {0: "batch"}},
                      opset_version=13)
    add_metadata(path, {"expint4j.model_type": "noise", "expint4j.time": "continuous",
                        "expint4j.schedule": "linear", "expint4j.classes": str(CLASSES),
                        "expint4j.null_class": str(CLASSES)})


def add_metadata(path, entries):
    import onnx
    model = onnx.load(path)
    for key, value in entries.items():
        prop = model.metadata_props.add()
        prop.key, prop.value = key, value
    model.producer_name = "expint4j train_pinwheel.py"
    onnx.save(model, path)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def weights(net):
    """The parameters in state_dict order, with their shapes (the layout of the weights file)."""
    return [{"name": name, "shape": list(tensor.shape)} for name, tensor in net.state_dict().items()
            if name != "frequencies"]


def write_weights(graph, order, path):
    """The float64 graph's initializers, little-endian float64 in the given order: exactly the
    numbers the graph computes with, for an evaluation independent of ONNX Runtime."""
    import onnx
    from onnx import numpy_helper
    values = {i.name: numpy_helper.to_array(i) for i in onnx.load(graph).graph.initializer}
    # The frequencies are a buffer, not a parameter: the exporter names it; it is the [1, 16] one.
    frequencies = [v for k, v in values.items() if list(v.shape) == [1, TIME_FEATURES // 2]]
    assert len(frequencies) == 1, [k for k in values]
    with open(path, "wb") as f:
        for entry in order:
            array = values[entry["name"]]
            assert list(array.shape) == entry["shape"], entry
            f.write(array.astype("<f8").tobytes())
        f.write(frequencies[0].astype("<f8").tobytes())


class Bad(nn.Module):
    """Small graphs for the bad-input tests: each misbehaves in one named way."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def forward(self, x, t):
        if self.kind == "identity":
            return x + 0 * t.reshape(-1, 1)
        if self.kind == "scalar-output":
            return (x + 0 * t[:, None]).sum(1)
        if self.kind == "nan-below-half":
            return x + torch.where(t[:, None] < 0.5, torch.full_like(x, float("nan")), torch.zeros_like(x))
        raise ValueError(self.kind)


class Labelled(nn.Module):
    """out = x + 0.1 y (+ 0 t): a conditional graph whose output shows the label it was given."""

    def forward(self, x, t, y):
        return x + 0.1 * y.to(x.dtype).reshape(-1, 1) + 0 * t.reshape(-1, 1)


def export_test_graphs():
    os.makedirs(CORE_TEST, exist_ok=True)
    x = torch.zeros(3, 2, dtype=torch.float32)
    t = torch.full((3,), 0.5, dtype=torch.float32)
    axes = {"x": {0: "batch"}, "t": {0: "batch"}, "out": {0: "batch"}}
    for kind in ["identity", "scalar-output", "nan-below-half"]:
        torch.onnx.export(Bad(kind), (x, t), os.path.join(CORE_TEST, kind + ".onnx"), input_names=["x", "t"],
                          output_names=["out"], dynamic_axes=axes, opset_version=13)
    torch.onnx.export(Bad("identity"), (x.double(), t.double()), os.path.join(CORE_TEST, "identity-f64.onnx"),
                      input_names=["x", "t"], output_names=["out"], dynamic_axes=axes, opset_version=13)
    # A fixed batch of 3 and a scalar time: classifier-free guidance cannot double such a batch.
    torch.onnx.export(Bad("identity"), (x, torch.tensor(0.5, dtype=torch.float32)),
                      os.path.join(CORE_TEST, "fixed-batch-scalar-time.onnx"), input_names=["x", "t"],
                      output_names=["out"], opset_version=13)
    # Conditional graphs with 3 classes and a null label 3: out = x + 0.1 y, dynamic and fixed batch.
    y = torch.zeros(3, dtype=torch.int64)
    labelled = {"expint4j.classes": "3", "expint4j.null_class": "3"}
    for name, dynamic in [("conditional", True), ("conditional-fixed-batch", False)]:
        path = os.path.join(CORE_TEST, name + ".onnx")
        torch.onnx.export(Labelled(), (x, t, y), path, input_names=["x", "t", "y"], output_names=["out"],
                          dynamic_axes={"x": {0: "batch"}, "t": {0: "batch"}, "y": {0: "batch"}, "out": {0: "batch"}}
                          if dynamic else None, opset_version=13)
        add_metadata(path, labelled)
    # An integer state input: the wrong element type for a diffusion model.
    torch.onnx.export(Bad("identity"), (torch.zeros(3, 2, dtype=torch.int32), t),
                      os.path.join(CORE_TEST, "int-input.onnx"), input_names=["x", "t"], output_names=["out"],
                      dynamic_axes=axes, opset_version=13)


def derived(order):
    """What follows from the exported graph without training: the weights file, the test graphs."""
    os.makedirs(TEST, exist_ok=True)
    write_weights(os.path.join(MAIN, "pinwheel-cfg-f64.onnx"), order, os.path.join(TEST, "pinwheel-cfg-weights.bin"))
    export_test_graphs()


def main():
    if "--derived" in sys.argv:
        with open(os.path.join(MAIN, "pinwheel-cfg.json")) as f:
            derived(json.load(f)["weights_order"])
        return
    torch.set_num_threads(1)
    net, loss = train()
    os.makedirs(MAIN, exist_ok=True)
    os.makedirs(TEST, exist_ok=True)
    f32 = os.path.join(MAIN, "pinwheel-cfg.onnx")
    f64 = os.path.join(MAIN, "pinwheel-cfg-f64.onnx")
    held_out = held_out_loss(net)
    order = weights(net)
    export(net, f64, torch.float64)
    export(net, f32, torch.float32)
    manifest = {
        "name": "pinwheel-cfg",
        "data": "pinwheel, K = 5 arms: arm k ~ U{0..4}; r = 1 + 0.3 z1, s = 0.05 z2; a = 2 pi k / 5 + 0.25 exp(r);"
                " x0 = 1.5 (r cos a - s sin a, r sin a + s cos a)",
        "schedule": "VP linear, beta0 = 0.1, beta1 = 20, continuous t in (0, 1]; model time = t",
        "prediction": "noise (epsilon)",
        "inputs": {"x": "[B, 2]", "t": "[B]", "y": "[B] int64, class 0..4, or 5 = no label"},
        "outputs": {"eps": "[B, 2]"},
        "architecture": f"MLP: [x, sin/cos(log(t) f_i), f_i = 0.05^(1 - i/15), i < 16, embedding(y) of {CLASS_FEATURES}]"
                        f" -> {HIDDEN} -> {HIDDEN} -> {HIDDEN} -> 2, SiLU",
        "parameters": sum(p.numel() for p in net.parameters()),
        "training": {"seed": SEED, "steps": STEPS, "batch": BATCH, "optimiser": "Adam, cosine decay",
                     "learning_rate": LEARNING_RATE, "label_dropout": LABEL_DROPOUT, "ema": EMA_DECAY,
                     "t": "uniform in [1e-4, 1]", "loss": "mean squared noise error", "precision": "float32",
                     "torch": torch.__version__},
        "final_training_loss": round(loss, 6),
        "held_out_loss": round(held_out, 6),
        "weights_order": order,
        "sha256": {"pinwheel-cfg.onnx": sha256(f32), "pinwheel-cfg-f64.onnx": sha256(f64)},
    }
    with open(os.path.join(MAIN, "pinwheel-cfg.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    derived(order)
    print(f"final loss {loss:.5f}, held-out {held_out:.5f}", file=sys.stderr)


if __name__ == "__main__":
    main()
