#!/usr/bin/env bash
# Which part of L_IRG hurts on the offline protocol (Fashion-MNIST, not a reproduction)? A diagnostic, one seed, not
# used to tune anything: L_IRG (λ1=1 on the logits' MSE, λ2=0.005 on the edges of the student's last 3 blocks against
# the teacher's last layer) against its logit term alone, its edge term alone, λ1=0.1, λ2/4 (the edge loss is a sum
# over the b×b matrix: at this recipe's batch of 128 it has 4x the entries of the paper's 64) and the edges of the
# last block only (n_blocks=1). Recipe fmnist_reduced, shipped fashion_mnist/resnet20 teacher, ResNet-8.
# The L_IRG row is the study's own seed-0 run, reused from runs/study_fmnist when that study has it.
set -uo pipefail
cd "$(dirname "$0")/../../../.."
KD=${KD_NB_BIN:-.venv/bin}
export MPLBACKEND=Agg KD_NB_PROGRESS=plain
L='irg:w_transform=0,transform_pairs=null'
$KD/kd_nb_study --out runs/irg_screen --seeds 0 --jobs ${JOBS:-2} \
  $( [ -f runs/study_fmnist/study.csv ] && echo --reuse runs/study_fmnist ) \
  --method "$L" --method "$L,w_edge=0" --method "$L,w_logits=0" --method "$L,w_logits=0.1" \
  --method "$L,w_edge=0.00125" --method "$L,n_blocks=1" "$@"
RC=$?
cp runs/irg_screen/study.csv runs/irg_screen/summary.csv runs/irg_screen/histories.csv nbs/experiments/results/irg_screen/ 2>/dev/null
exit $RC
