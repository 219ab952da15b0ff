"""Why the teacher cache matches batches with a tolerance: a batch's float64 fingerprint sums depend on the CPU thread count.

Run from the repository root:  python nbs/bench/fingerprint_threads.py [--batches 20] [--shape 128,3,32,32]
It prints how many random batches have fingerprints that differ bit for bit between 1 and 2 threads, the largest
such difference relative to the sums of |x|, and whether the cache's tolerant match (`_same_batch`) accepts them all.
"""
import argparse
import torch
from kd_nb.teacher_cache import _fingerprint, _same_batch, _sums

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--batches', type=int, default=20, help='random batches to fingerprint')
    ap.add_argument('--shape', default='128,3,32,32', help='batch shape (default: a CIFAR batch of 128)')
    a = ap.parse_args()
    shape, n_diff, worst, accepted = tuple(int(s) for s in a.shape.split(',')), 0, 0., True
    torch.manual_seed(0)
    for _ in range(a.batches):
        x = torch.randn(shape)
        torch.set_num_threads(1); one = _fingerprint(x)
        torch.set_num_threads(2); two = _fingerprint(x)
        n_diff += not torch.equal(one, two)
        worst = max(worst, float(((one - two).abs() / _sums(x, torch.abs)).max()))
        accepted &= _same_batch(one, x) and _same_batch(two, x)
    print(f"{n_diff} of {a.batches} batches of shape {shape}: fingerprints differ between 1 and 2 threads; "
          f"largest difference {worst:.1e} of the sums of |x| (tolerance 1e-09); all accepted by _same_batch: {accepted}")

if __name__ == '__main__': main()
