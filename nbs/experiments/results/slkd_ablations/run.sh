#!/usr/bin/env bash
# SLKD's Table 7 (teacher only / SL-Ts only / both, one seed) and Tables 8-9 (parallel vs sequential, three seeds) on
# the offline protocol (Fashion-MNIST, not a reproduction): recipe fmnist_reduced, shipped fashion_mnist/resnet20
# teacher, ResNet-8. The full method's rows (slkd, seeds 0-2) are the study's own runs (same protocol, entry and seeds),
# reused from runs/study_fmnist when that study has them (run ../study_fmnist/run.sh first to get them from there;
# otherwise they train here).
set -uo pipefail
cd "$(dirname "$0")/../../../.."
KD=${KD_NB_BIN:-.venv/bin}
export MPLBACKEND=Agg KD_NB_PROGRESS=plain
REUSE=$( [ -f runs/study_fmnist/study.csv ] && echo --reuse runs/study_fmnist )
$KD/kd_nb_study --out runs/slkd_ablations --seeds 0 --jobs 2 $REUSE \
  --method 'slkd:mode="teacher_only"' --method 'slkd:mode="slt_only"' --method slkd --method 'slkd:schedule="sequential"' "$@"
RC=$?
$KD/kd_nb_study --out runs/slkd_ablations --seeds 0,1,2 --jobs 2 $REUSE --method slkd --method 'slkd:schedule="sequential"' "$@"
RC=$(( RC || $? ))
cp runs/slkd_ablations/study.csv runs/slkd_ablations/summary.csv runs/slkd_ablations/histories.csv nbs/experiments/results/slkd_ablations/ 2>/dev/null
exit $RC
