#!/bin/bash
# Resumable 100,000-case fuzz campaign: chunks of CHUNK cases; a chunk whose log has its summary is skipped,
# a chunk another runner holds (lock directory) is skipped. Usage: run2.sh BINDIR OUTDIR CHUNK JOBS [reverse]
BIN=$1; OUT=$2; CHUNK=${3:-5000}; JOBS=${4:-2}; ORDER=${5:-forward}
mkdir -p "$OUT"
starts=$(seq 0 $CHUNK $((100000-CHUNK))); [ "$ORDER" = reverse ] && starts=$(echo "$starts" | tac)
for start in $starts; do
  log="$OUT/chunk-$start.log"
  if grep -q "^fuzz: $CHUNK cases" "$log" 2>/dev/null; then continue; fi
  mkdir "$OUT/lock-$start" 2>/dev/null || continue
  echo "$(date -u +%T) chunk $start begin ($ORDER)" >> "$OUT/campaign.log"
  t0=$(date +%s)
  rm -f "$OUT/cases-$start.log"
  QUANTSIM_FUZZ_CASES=$CHUNK QUANTSIM_FUZZ_START=$start QUANTSIM_FUZZ_JOBS=$JOBS QUANTSIM_FUZZ_LOG="$OUT/cases-$start.log" \
    nice -n 15 dotnet test "$BIN/QuantSim.Cli.Tests.dll" --filter "FullyQualifiedName~FuzzTests.Should" --logger "console;verbosity=detailed" > "$log.raw" 2>&1
  rc=$?
  grep -E "^ *fuzz:|Passed|Failed|crash|Total" "$log.raw" | sed 's/^ *//' > "$log.tmp"; mv "$log.tmp" "$log"
  echo "$(date -u +%T) chunk $start end rc $rc $(( $(date +%s) - t0 )) s" >> "$OUT/campaign.log"
  rmdir "$OUT/lock-$start"
done
echo "$(date -u +%T) runner $ORDER done" >> "$OUT/campaign.log"
