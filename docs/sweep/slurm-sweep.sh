#!/usr/bin/env bash
# A quantsim design-space sweep as a Slurm job array: one array task per shard, then one merge job
# that runs only when every shard succeeded.
#
#   bash docs/sweep/slurm-sweep.sh          # on a login node: submits the array and the merge job
#
# Each array task runs `quantsim sweep ... --shard $SLURM_ARRAY_TASK_ID/$SHARDS` and writes
# shard-I-of-N.json into $OUT/shards; the merge job writes sweep.json, sweep.csv and sweep.png into
# $OUT, byte-identical (json, csv) to running the whole sweep on one machine.
#
# Settings (environment variables, all optional):
#   QUANTSIM  the quantsim executable on a shared file system (dotnet publish Cli -c Release -o DIR)
#   OUT       shared output directory (default: ./sweep-out)
#   SHARDS    number of array tasks (default: 3)
#SBATCH --job-name=quantsim-sweep
#SBATCH --cpus-per-task=8
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=quantsim-sweep-%A_%a.log
set -euo pipefail

QUANTSIM=${QUANTSIM:-quantsim}
OUT=${OUT:-$PWD/sweep-out}
SHARDS=${SHARDS:-3}

# The sweep: the same arguments in every task (the shard files record them, and merge refuses
# shards whose definitions differ).
SWEEP=(
  --config default
  --workload resnet18
  --vary array.rows=8,16,32,64,128
  --vary array.cols=8,16,32,64
  --vary array.dataflow=os,ws,is
  --vary datapath.kind=lsq,scale-offset
)

if [[ -z "${SLURM_ARRAY_TASK_ID:-}" ]]; then
  # Not inside the array: submit it, then the merge that waits for all of its tasks.
  mkdir -p "$OUT/shards"
  array=$(sbatch --parsable --array="1-$SHARDS" \
    --export="ALL,QUANTSIM=$QUANTSIM,OUT=$OUT,SHARDS=$SHARDS" "$0")
  array=${array%%;*}  # --parsable prints "id" or "id;cluster"
  merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=quantsim-merge --cpus-per-task=1 \
    --output="quantsim-merge-%j.log" \
    --wrap="'$QUANTSIM' merge '$OUT/shards' --out '$OUT'")
  echo "submitted array job $array ($SHARDS shards) and merge job ${merge%%;*}; results in $OUT"
  exit 0
fi

# Inside array task I: run shard I of N on this node's cores.
"$QUANTSIM" sweep "${SWEEP[@]}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
  --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$OUT/shards"
