"""kd_nb against RepDistiller's loop on a CUDA GPU: writes nbs/bench/gpu_kd_speed.csv.

Run from the repository root on a machine with a GPU (not yet run: no GPU was lent when this was written):
    python nbs/bench/gpu_bench.py                 # 10,240 random CIFAR-shaped images per epoch, 3 timed epochs
    python nbs/bench/gpu_bench.py --n-images 2048 --reps 2   # a quicker look
Each kd_nb configuration (float32; bf16 mixed precision with channels-last) is timed against its own, alternating,
runs of RepDistiller's float32 loop (8 loader workers, its default), after a warm-up epoch of each.
"""
import argparse, os, time
from pathlib import Path
import pandas as pd
import torch
from kd_nb.bench import kd_speed

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--n-images', type=int, default=10240, help='random 3x32x32 images per epoch')
    ap.add_argument('--bs', type=int, default=64, help="batch size (RepDistiller's default)")
    ap.add_argument('--reps', type=int, default=3, help='timed epochs of each loop (median)')
    ap.add_argument('--num-workers', type=int, default=8, help="RepDistiller loader workers (its default: 8)")
    ap.add_argument('--out', default=str(Path(__file__).parent/'gpu_kd_speed.csv'))
    a = ap.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("gpu_bench.py needs a CUDA GPU (torch.cuda.is_available() is False); on a CPU use "
                         "`nbdev_test --path nbs/50_bench.ipynb --flags slow`, which writes cpu_kd_speed.csv.")
    runs = []
    for amp, cl in ((None, False), ('bf16', True)):
        df = kd_speed(n_images=a.n_images, bs=a.bs, device='cuda', num_workers=a.num_workers, reps=a.reps, amp=amp, channels_last=cl)
        runs.append(df.assign(kd_nb_config=f"{amp or 'fp32'}{', channels_last' if cl else ''}"))
    out = pd.concat(runs)
    with open(a.out, 'w') as f:
        f.write(f"# python nbs/bench/gpu_bench.py --n-images {a.n_images} --bs {a.bs} --reps {a.reps} --num-workers {a.num_workers}: "
                f"{torch.cuda.get_device_name()}, {os.cpu_count()} CPU cores, torch {torch.__version__}, {time.strftime('%Y-%m-%d')}; "
                f"bf16 peak {df.attrs['bf16_peak']} TFLOP/s ({df.attrs['peak_source']})\n")
        out.to_csv(f, index=False)
    print(f"wrote {a.out}")

if __name__ == '__main__': main()
