#!/usr/bin/env bash
# The offline benchmark (Fashion-MNIST, not a paper reproduction): converged shipped teachers, a ResNet-8 student on the
# offline recipe (fmnist_reduced: 600 images per class, its 15 epochs; EPOCHS=60 OUT=runs/benchmark60 in the environment for
# the student's converged budget, measured by results/baseline_sweep/run_converged.sh), three seeds, two runs at a time with
# one CPU thread each. Three grids, each a resumable kd_nb_study:
#   main      fashion_mnist/resnet56_30ep -> resnet8, every registered method
#   capacity  fashion_mnist/resnet20_15ep and resnet110_30ep -> resnet8 (resnet56_30ep is the main grid), the seven core methods; resnet110_30ep is not
#             shipped yet: train it first (kd_nb_train_teacher --arch resnet110 --out ..., about 2 hours on 2 CPU cores, then ship_teacher)
#   cross     fashion_mnist/vgg8_15ep -> resnet8 (a teacher of another family: VGG-8 -> ResNet-8), the seven core methods
#   cross_mobilenetv2  fashion_mnist/resnet20_15ep -> mobilenetv2 (a student of another family: the capacity grid's ResNet-20
#             teacher into the MobileNetV2, width 0.5, of SemCKD's tables), the seven core methods
# Usage, from the repository root: bash nbs/experiments/results/benchmark/run.sh [main_core|main|capacity|cross|cross_mobilenetv2|all] [extra kd_nb_study args]
# (main_core: the main grid's six core methods only; main then adds every other method to the same study)
# Rerun after a kill: finished runs are skipped, the unfinished one resumes. CSVs and figures are copied next to this script.
set -uo pipefail
cd "$(dirname "$0")/../../../.."
HERE=nbs/experiments/results/benchmark; OUT=${OUT:-runs/benchmark}; KD=${KD_NB_BIN:-.venv/bin}
export MPLBACKEND=Agg KD_NB_PROGRESS=plain
WHICH=${1:-all}; shift || true
RE=$(.venv/bin/python -c "from kd_nb.train import FMNIST_REDUCED as r; print(r.epochs)")
E=${EPOCHS:-$RE}             # EPOCHS=60: the converged student budget (results/baseline_sweep); give it its own OUT too
SUFFIX=""; [ "$E" != "$RE" ] && SUFFIX="_e$E"   # its CSVs go to <grid>_e60/, beside (not over) the committed 15-epoch ones
W=$(( (E + 6) / 12 ))        # warm-ups and init stages scaled from the papers' 240-epoch schedules: 20/240 and 30/240 of the run
I=$(( (E + 4) / 8 ))
CORE=(--method none --method kd --method sp --method 'irg:w_transform=0,transform_pairs=null' --method semckd:beta=40
      --method slkd --method dkd:warmup=$W)   # the labels-only student, KD, the four papers' methods and DKD (the issue's capacity series)
ALL=("${CORE[@]}" --method fitnet --method at --method "vid" --method "fsp:init_epochs=$I" --method nst --method "ab:init_epochs=$I"
     --method "ft:init_epochs=$I" --method ofd --method mgd --method hkd --method rkd --method pkt --method cc --method crd
     --method holistic --method semckd_tau:beta=40 --method "reviewkd:warmup=$W" --method rocket:booster=\"resnet56\" --method kd+sp
     --method 'irg:transform_pairs=[[["relu","layer1.0"],["layer1.0","layer1.2"]]]')
grid() {   # name teacher student methods...
  local name=$1 teacher=$2 student=$3; shift 3
  T0=$(date +%s)
  $KD/kd_nb_study --out "$OUT/$name" --teacher "$teacher" --student "$student" --epochs "$E" --seeds 0,1,2 --jobs 2 "$@" "${EXTRA[@]}"
  local rc=$?; mkdir -p "$HERE/$name$SUFFIX"
  cp "$OUT/$name"/{study.csv,summary.csv,histories.csv,study.png} "$HERE/$name$SUFFIX/" 2>/dev/null
  echo "grid $name: exit $rc after $(( $(date +%s) - T0 )) s"
}
EXTRA=("$@")
case $WHICH in main_core) grid main fashion_mnist/resnet56_30ep resnet8 "${CORE[@]}";; esac
case $WHICH in main|all) grid main fashion_mnist/resnet56_30ep resnet8 "${ALL[@]}";; esac
case $WHICH in capacity|capacity_resnet20|all) grid capacity_resnet20 fashion_mnist/resnet20_15ep resnet8 "${CORE[@]}";; esac
case $WHICH in capacity|capacity_resnet110|all) grid capacity_resnet110 fashion_mnist/resnet110_30ep resnet8 "${CORE[@]}";; esac
case $WHICH in cross|all) grid cross_vgg8 fashion_mnist/vgg8_15ep resnet8 "${CORE[@]}";; esac
case $WHICH in cross_mobilenetv2|all) grid cross_mobilenetv2 fashion_mnist/resnet20_15ep mobilenetv2 "${CORE[@]}";; esac
