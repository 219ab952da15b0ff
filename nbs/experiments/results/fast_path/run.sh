#!/usr/bin/env bash
# The fast loop's accuracy check: the same three seeds of the labels-only ResNet-8 and of KD from the shipped ResNet-20
# teacher, on the offline protocol as it stood when the fast loop became the default (600 Fashion-MNIST images per class,
# 15 epochs, one-cycle peak 0.2), trained once in float32 NCHW and once in this machine's default loop ('auto').
# Run from the repository root (resumable; about 15 minutes on 2 CPU cores, two runs at a time with one thread each):
#   bash nbs/experiments/results/fast_path/run.sh
# The bench page (nbs/50_bench.ipynb) reads fp32/study.csv and default/study.csv and prints the paired differences.
set -euo pipefail
HERE=nbs/experiments/results/fast_path; OUT=${OUT:-runs/fast_path}
export KD_NB_PROGRESS=plain MPLBACKEND=Agg
common=(--method none --method kd --seeds 0,1,2 --teacher fashion_mnist/resnet20 --student resnet8 --recipe fmnist_reduced
        --epochs 15 --lr 0.2 --subset 600 --jobs 2)
.venv/bin/kd_nb_study "${common[@]}" --out "$OUT/fp32" --precision fp32 --no-channels-last --no-compile
.venv/bin/kd_nb_study "${common[@]}" --out "$OUT/default"
for k in fp32 default; do mkdir -p "$HERE/$k"; cp "$OUT/$k/study.csv" "$OUT/$k/summary.csv" "$HERE/$k/"; done
