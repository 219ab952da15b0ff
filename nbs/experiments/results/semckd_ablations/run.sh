#!/usr/bin/env bash
# SemCKD's Table 6 ablations on the offline protocol (Fashion-MNIST, not a reproduction): recipe fmnist_reduced, the
# shipped fashion_mnist/resnet20 teacher, ResNet-8 student, beta=40 (see ../semckd_beta_screen), one seed. Resumable.
# The full method's row (semckd:beta=40, seed 0) is the study's own run (same protocol, entry and seed), reused from
# runs/study_fmnist when that study has it (run ../study_fmnist/run.sh first to get it from there; otherwise it trains here).
set -uo pipefail
cd "$(dirname "$0")/../../../.."
KD=${KD_NB_BIN:-.venv/bin}
export MPLBACKEND=Agg KD_NB_PROGRESS=plain
$KD/kd_nb_study --out runs/semckd_ablations --seeds 0 --jobs 2 \
  $( [ -f runs/study_fmnist/study.csv ] && echo --reuse runs/study_fmnist ) \
  --method semckd:beta=40 --method 'semckd:beta=40,allocation="equal"' --method semckd:beta=40,projection=false \
  --method semckd:beta=40,mlp=false --method semckd:beta=40,use_sim=false --method 'semckd:beta=40,allocation="shared"' "$@"
RC=$?
cp runs/semckd_ablations/study.csv runs/semckd_ablations/summary.csv runs/semckd_ablations/histories.csv nbs/experiments/results/semckd_ablations/ 2>/dev/null
exit $RC
