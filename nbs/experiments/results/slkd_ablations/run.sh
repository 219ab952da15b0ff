#!/usr/bin/env bash
# SLKD's Table 7 (teacher only / SL-Ts only / both) and Tables 8-9 (parallel vs sequential) on the offline protocol
# (Fashion-MNIST, not a reproduction): recipe fmnist_reduced, shipped fashion_mnist/resnet20 teacher, ResNet-8, one seed.
# The full method's row (slkd, seed 0) is the study's own run (same protocol, entry and seed), reused from
# runs/study_fmnist when that study has it (run ../study_fmnist/run.sh first to get it from there; otherwise it trains here).
set -uo pipefail
cd "$(dirname "$0")/../../../.."
KD=${KD_NB_BIN:-.venv/bin}
export MPLBACKEND=Agg KD_NB_PROGRESS=plain
$KD/kd_nb_study --out runs/slkd_ablations --seeds 0 --jobs 2 \
  $( [ -f runs/study_fmnist/study.csv ] && echo --reuse runs/study_fmnist ) \
  --method 'slkd:mode="teacher_only"' --method 'slkd:mode="slt_only"' --method slkd --method 'slkd:schedule="sequential"' "$@"
RC=$?
cp runs/slkd_ablations/study.csv runs/slkd_ablations/summary.csv runs/slkd_ablations/histories.csv nbs/experiments/results/slkd_ablations/ 2>/dev/null
exit $RC
