# The command-line half of the start-up cache's training run (sourced by build.sh, not run).
#
# The packaged launcher has one JDK AOT cache for the window and for commands. Its training process
# (record_startup_cache) first runs representative commands in itself (CommandTraining, property
# omnigraph.console.trainingCommands), then starts the window, which exits after its first frame.
# The commands read and write demo clusters in a folder and on a loopback S3 endpoint (the
# launcher's own `local-s3`, a separate process that is not trained): status of a v0.13 and of a
# v0.11 folder and of S3, migrate-storage folder -> s3 (the AWS SDK's request path, hashing, JSON),
# catalog verify. The quiet demo (about 190 objects, 30 MiB) is enough: training on the benchmark
# demo (2,000 x 16 KiB + 20 x 32 MiB) measured no better on the CLI and took six times longer
# (docs/benchmarks.md, December 8).
#
#   cli_training_prepare LAUNCHER WORKDIR   starts the endpoint, writes WORKDIR/commands.txt and
#                                           exports TRAINING_COMMANDS and the endpoint's AWS_*
#                                           variables; returns non-zero (and trains the window
#                                           alone) when the endpoint does not start
#   cli_training_finish                     stops the endpoint this script started

CLI_TRAINING_SERVER_PID=""

cli_training_prepare() {
  local launcher="$1" work="$2" out line
  rm -rf "$work" && mkdir -p "$work/s3" "$work/home"
  out="$work/local-s3.out"
  JAVA_TOOL_OPTIONS="-Domnigraph.console.home=$work/home" \
    "$launcher" local-s3 --data "$work/s3" --bucket train > "$out" 2> "$work/local-s3.err" < /dev/null &
  CLI_TRAINING_SERVER_PID=$!
  for _ in $(seq 1 120); do
    grep -q '^Serving until' "$out" 2>/dev/null && break
    kill -0 "$CLI_TRAINING_SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  if ! grep -q '^Serving until' "$out" 2>/dev/null; then
    cli_training_finish
    return 1
  fi
  while IFS= read -r line; do
    [[ "$line" =~ ^[[:space:]]*export[[:space:]]+(.*)$ ]] || continue
    for pair in ${BASH_REMATCH[1]}; do
      [[ "$pair" =~ ^(AWS_[A-Z_]+)=(.*)$ ]] && export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"
    done
  done < "$out"
  cat > "$work/commands.txt" <<EOF
demo create --kind serving --root $work/v013
status --root $work/v013
demo create --quiet-cluster --root $work/demo
status --root $work/demo
migrate-storage --from $work/demo --to s3://train/cluster --writers-stopped --yes
status --root s3://train/cluster
catalog verify --root s3://train/cluster
EOF
  export TRAINING_COMMANDS="$work/commands.txt"
}

cli_training_finish() {
  if [[ -n "$CLI_TRAINING_SERVER_PID" ]]; then
    kill "$CLI_TRAINING_SERVER_PID" 2>/dev/null || true
    wait "$CLI_TRAINING_SERVER_PID" 2>/dev/null || true
    CLI_TRAINING_SERVER_PID=""
  fi
  unset TRAINING_COMMANDS AWS_ENDPOINT_URL AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION \
    AWS_S3_FORCE_PATH_STYLE AWS_ALLOW_HTTP
}
