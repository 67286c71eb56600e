#!/usr/bin/env bash
# Runs the benchmarks of docs/benchmarks.md: compiles the test sources (the harness lives there, but no
# test runs it), then runs dev.atdd.bench.Benchmarks. Extra arguments go to the harness, for example
#   benchmarks/run.sh --sizes 100,1000 --naive 100 --e2e none --todo-mb 10
# The end-to-end runs use the plugin installed in ~/.m2: run
#   ./mvnw -B -o -q install -DskipTests -Dinvoker.skip
# first when the sources changed.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test-compile

# The core needs only Jackson and FreeMarker at run time; their versions come from the pom.
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
jar() { # group-path artifact version [fallback-version]
    local file="$repo/$1/$2/$3/$2-$3.jar"
    [[ -f "$file" || -z "${4:-}" ]] || file="$repo/$1/$2/$4/$2-$4.jar"
    [[ -f "$file" ]] || { echo "missing $file: build the project once online" >&2; exit 1; }
    printf '%s' "$file"
}
jackson="$(property jackson.version)"
classpath="target/test-classes:target/classes"
classpath+=":$(jar com/fasterxml/jackson/core jackson-databind "$jackson")"
classpath+=":$(jar com/fasterxml/jackson/core jackson-core "$jackson")"
classpath+=":$(jar com/fasterxml/jackson/core jackson-annotations "$jackson" "${jackson%.*}")"
classpath+=":$(jar org/freemarker freemarker "$(property freemarker.version)")"

exec java -Xmx1g -cp "$classpath" dev.atdd.bench.Benchmarks \
    --mvn "$PWD/mvnw" --out "${BENCH_OUT:-target/bench-results.md}" "$@"
