"""Oracle digits for the DPM-Solver++ SDE samplers: runs k-diffusion's own sampling functions.

Run once (needs torch; k-diffusion's other imports are stubbed):

    python3 sde_oracle.py /path/to/k-diffusion/k_diffusion/sampling.py OUT_DIR

It copies sampling.py into a temporary package (nothing of k-diffusion is kept in this
repository), and runs sample_dpmpp_2m_sde (midpoint, heun) and sample_dpmpp_3m_sde in float64
on the linear VP schedule (beta0 = 0.1, beta1 = 20) with an exact Gaussian-mixture denoiser and a
noise sampler that replays fixed standard normal increments. k-diffusion works in
x_k = x / alpha_t with sigma_k = sigma_t / alpha_t; the time grid is uniform in t. Each case is
written as one text file of "key values..." lines: the mixture, the grid (t and sigma_k), the
initial x_k, and per step the increment replayed and the state x_k after the step.
"""
import math
import os
import shutil
import sys
import tempfile
import types

import torch

BETA0, BETA1 = 0.1, 20.0
WEIGHTS = [0.3, 0.7]
MEANS = [[0.5, -1.0, 2.0], [-0.4, 0.8, -1.5]]
STDS = [[0.1, 1.0, 0.3], [0.6, 0.2, 0.5]]
BATCH, DIM = 2, 3
T_START, T_END = 1.0, 1e-3
CASES = [
    # name, function, steps, eta, s_noise, extra kwargs
    ("2m-sde-midpoint", "sample_dpmpp_2m_sde", 12, 1.0, 1.0, {"solver_type": "midpoint"}),
    ("2m-sde-heun", "sample_dpmpp_2m_sde", 12, 1.0, 1.0, {"solver_type": "heun"}),
    ("2m-sde-midpoint-eta-0.5", "sample_dpmpp_2m_sde", 15, 0.5, 0.8, {"solver_type": "midpoint"}),
    ("3m-sde", "sample_dpmpp_3m_sde", 12, 1.0, 1.0, {}),
    ("3m-sde-eta-0.3", "sample_dpmpp_3m_sde", 20, 0.3, 1.0, {}),
]


def load_sampling(path):
    """k-diffusion's sampling.py as module k_diffusion.sampling, with its unused imports stubbed."""
    tmp = tempfile.mkdtemp()
    pkg = os.path.join(tmp, "k_diffusion")
    os.mkdir(pkg)
    shutil.copy(path, os.path.join(pkg, "sampling.py"))
    with open(os.path.join(pkg, "__init__.py"), "w"):
        pass
    with open(os.path.join(pkg, "utils.py"), "w") as f:
        # the one utility the samplers use
        f.write("def append_dims(x, n):\n    return x[(...,) + (None,) * (n - x.ndim)]\n")
    for name in ("scipy", "torchdiffeq", "torchsde", "tqdm", "tqdm.auto"):
        sys.modules[name] = types.ModuleType(name)
    sys.modules["scipy"].integrate = None
    sys.modules["torchdiffeq"].odeint = None
    sys.modules["tqdm.auto"].trange = lambda n, disable=None: range(n)
    sys.modules["tqdm.auto"].tqdm = None
    sys.path.insert(0, tmp)
    import k_diffusion.sampling as sampling
    return sampling


def log_alpha(t):
    return -0.25 * t * t * (BETA1 - BETA0) - 0.5 * t * BETA0


def sigma_k(t):
    # sigma_t / alpha_t = sqrt(alpha^-2 - 1)
    return math.sqrt(math.expm1(-2 * log_alpha(t)))


def denoiser(x, sigma):
    """Exact E[x0 | x_k] for x_k = x0 + sigma eps, x0 from the diagonal Gaussian mixture."""
    s2 = sigma[0].item() ** 2
    w = torch.tensor(WEIGHTS, dtype=torch.float64)
    mu = torch.tensor(MEANS, dtype=torch.float64)
    var0 = torch.tensor(STDS, dtype=torch.float64) ** 2
    var = var0 + s2
    diff = x[:, None, :] - mu[None, :, :]
    logp = torch.log(w / w.sum())[None, :] - 0.5 * (diff * diff / var + torch.log(2 * math.pi * var)).sum(-1)
    gamma = torch.softmax(logp, dim=1)
    post = mu[None] + var0[None] / var[None] * diff
    return (gamma[:, :, None] * post).sum(1)


def main():
    sampling = load_sampling(sys.argv[1])
    out_dir = sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    gen = torch.Generator().manual_seed(20261203)
    for name, function, steps, eta, s_noise, kwargs in CASES:
        times = [T_START + (T_END - T_START) * i / steps for i in range(steps + 1)]
        sigmas = torch.tensor([sigma_k(t) for t in times], dtype=torch.float64)
        x0 = torch.randn(BATCH, DIM, generator=gen, dtype=torch.float64) * sigmas[0]
        increments = torch.randn(steps, BATCH, DIM, generator=gen, dtype=torch.float64)
        calls = []

        def noise_sampler(sigma, sigma_next):
            calls.append((sigma, sigma_next))
            return increments[len(calls) - 1]

        states = []
        getattr(sampling, function)(denoiser, x0.clone(), sigmas, eta=eta, s_noise=s_noise,
                                    noise_sampler=noise_sampler, disable=True,
                                    callback=lambda d: states.append(d["x"].clone()), **kwargs)
        # the callback sees the state before each step; the final state is the return value
        final = getattr(sampling, function)(denoiser, x0.clone(), sigmas, eta=eta, s_noise=s_noise,
                                            noise_sampler=lambda a, b, it=iter(increments): next(it),
                                            disable=True, **kwargs)
        states = states[1:] + [final]
        assert len(calls) == steps
        fmt = lambda v: " ".join(repr(float(e)) for e in v.flatten())
        with open(os.path.join(out_dir, name + ".txt"), "w") as f:
            f.write("# k-diffusion %s, float64, made by solver-core/src/test/python/sde_oracle.py\n" % function)
            f.write("function %s\n" % function)
            f.write("solver_type %s\n" % kwargs.get("solver_type", "none"))
            f.write("eta %r\ns_noise %r\nbatch %d\ndim %d\nbeta %r %r\n" % (eta, s_noise, BATCH, DIM, BETA0, BETA1))
            f.write("weights %s\n" % " ".join(repr(w) for w in WEIGHTS))
            f.write("means %s\n" % " ".join(repr(m) for row in MEANS for m in row))
            f.write("stds %s\n" % " ".join(repr(s) for row in STDS for s in row))
            f.write("times %s\n" % " ".join(repr(t) for t in times))
            f.write("sigmas %s\n" % fmt(sigmas))
            f.write("x_init %s\n" % fmt(x0))
            for i in range(steps):
                f.write("noise %s\n" % fmt(increments[i]))
                f.write("x %s\n" % fmt(states[i]))
        print(name, "final", fmt(final))


if __name__ == "__main__":
    main()
