"""Oracle digits for UniPcParityTest: the official UniPC sampler run in float64.

Runs uni_pc.py of wl-zhao/UniPC (commit cf9de85; not part of this repository) from a copy
outside the repository, with the exact noise predictor of a Gaussian mixture written here in
torch, on the continuous linear VP schedule (beta0 = 0.1, beta1 = 20), and writes the inputs and
final samples of every case to unipc-oracle.csv.

    python3 unipc_oracle.py /path/to/UniPC/uni_pc.py > ../resources/org/expint4j/diffusion/sampler/unipc-oracle.csv

torch 1.13; float64 everywhere (torch.set_default_dtype, so that the official code's
torch.tensor(rks) and its closed-form rhos are float64 too).
"""
import contextlib
import importlib.util
import io
import itertools
import math
import shutil
import sys
import tempfile

import torch

torch.set_default_dtype(torch.float64)

WEIGHTS = [0.2, 0.5, 0.3]
MEANS = [[-1.0, 0.5], [0.8, -0.3], [0.2, 1.5]]
STDS = [[0.3, 0.2], [0.5, 0.4], [0.1, 0.6]]
BATCH = 4
SEED = 1234
T_START = 1.0
T_END = 1e-3


def load_official(path):
    tmp = tempfile.mkdtemp()
    copy = shutil.copy(path, tmp + "/uni_pc_official.py")
    spec = importlib.util.spec_from_file_location("uni_pc_official", copy)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mixture_noise(ns):
    w = torch.tensor(WEIGHTS)
    w = w / w.sum()
    mu = torch.tensor(MEANS)    # (K, D)
    s = torch.tensor(STDS)      # (K, D)

    def model_fn(x_image, t):
        # The official code works on image batches (B, C, H, W): the data are (B, D, 1, 1).
        x = x_image.reshape(x_image.shape[0], -1)
        # eps*(x, t) = sigma_t sum_k gamma_k(x) (x - alpha_t mu_k) / v_k, v_k = alpha_t^2 s_k^2 + sigma_t^2
        alpha = ns.marginal_alpha(t)[:, None, None]
        sigma = ns.marginal_std(t)[:, None, None]
        v = alpha ** 2 * s[None] ** 2 + sigma ** 2                      # (B, K, D)
        diff = x[:, None, :] - alpha * mu[None]                          # (B, K, D)
        logp = torch.log(w)[None] - 0.5 * (torch.log(2 * math.pi * v) + diff ** 2 / v).sum(-1)
        gamma = torch.softmax(logp, dim=1)                               # (B, K)
        return (sigma[:, 0] * (gamma[:, :, None] * diff / v).sum(1)).reshape(x_image.shape)

    return model_fn


def main(path):
    official = load_official(path)
    ns = official.NoiseScheduleVP('linear', continuous_beta_0=0.1, continuous_beta_1=20.)
    model_fn = mixture_noise(ns)
    x_t = torch.randn(BATCH, len(MEANS[0]), generator=torch.Generator().manual_seed(SEED))
    print("# UniPC oracle: official uni_pc.py (wl-zhao/UniPC cf9de85) in float64, made by unipc_oracle.py")
    print("# linear VP schedule beta0=0.1 beta1=20, t_start=%r, t_end=%r, exact Gaussian-mixture noise model" % (T_START, T_END))
    print("weights," + ",".join(repr(v) for v in WEIGHTS))
    for k in range(len(MEANS)):
        print("mean%d," % k + ",".join(repr(v) for v in MEANS[k]))
        print("std%d," % k + ",".join(repr(v) for v in STDS[k]))
    print("x_T," + ",".join(repr(v) for v in x_t.flatten().tolist()))
    print("# algorithm,variant,order,skip,steps,lower_order_final,x (row-major, batch %d x dim %d)" % (BATCH, len(MEANS[0])))
    for algorithm, variant, order, skip, steps, lof in itertools.product(
            ["data_prediction", "noise_prediction"], ["bh1", "bh2"], [1, 2, 3, 4], ["time_uniform", "logSNR"],
            [5, 8, 20], [True, False]):
        sampler = official.UniPC(model_fn, ns, algorithm_type=algorithm, variant=variant)
        with contextlib.redirect_stdout(io.StringIO()):
            x = sampler.sample(x_t.clone().reshape(BATCH, -1, 1, 1), steps=steps, t_start=T_START, t_end=T_END, order=order,
                               skip_type=skip, method='multistep', lower_order_final=lof)
        assert x.dtype == torch.float64
        print(",".join([algorithm, variant, str(order), skip, str(steps), str(lof).lower()]
                       + [repr(v) for v in x.flatten().tolist()]))


if __name__ == "__main__":
    main(sys.argv[1])
