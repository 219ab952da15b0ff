#!/usr/bin/env bash
# The study chapter's grid: every method on the offline protocol (recipe fmnist_reduced: ResNet-8 student, 600
# Fashion-MNIST images per class, 15 epochs; the shipped fashion_mnist/resnet20 teacher), seeds 0, 1, 2, two runs at a
# time. Resumable: run it again after a kill and it continues. Checkpoints and logs go to runs/study_fmnist; the CSVs
# and the figure are copied here. Usage: bash nbs/experiments/results/study_fmnist/run.sh [extra kd_nb_study args]
set -uo pipefail
cd "$(dirname "$0")/../../../.."
HERE=nbs/experiments/results/study_fmnist
KD=${KD_NB_BIN:-.venv/bin}
export MPLBACKEND=Agg KD_NB_PROGRESS=plain
T0=$(date +%s)
$KD/kd_nb_study --out runs/study_fmnist --seeds 0,1,2 --jobs 2 \
  --method none --method kd --method fitnet --method at --method sp --method kd+sp \
  --method 'irg:w_transform=0,transform_pairs=null' --method irg --method slkd \
  --method semckd:beta=40 --method semckd_tau:beta=40 --method dkd:warmup=2 \
  --method 'irg:transform_pairs=[[["relu","layer1.0"],["layer1.0","layer1.2"]]]' \
  "$@"
RC=$?
cp runs/study_fmnist/study.csv runs/study_fmnist/summary.csv runs/study_fmnist/histories.csv runs/study_fmnist/study.png $HERE/ 2>/dev/null
echo "grid: exit $RC after $(( $(date +%s) - T0 )) s"
exit $RC
