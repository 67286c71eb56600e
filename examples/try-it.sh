#!/usr/bin/env bash
# Builds and installs the plugin, copies the example project to target/quiz-game (so the checked-in
# example stays as it is), runs `atdd:generate-migrations` there and prints what it wrote.
# Extra arguments go to the plugin run, e.g. ./examples/try-it.sh -Datdd.defaultStrategy=relational
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -ntp install -DskipTests -Dinvoker.skip

rm -rf target/quiz-game
mkdir -p target
cp -R examples/quiz-game target/quiz-game
# -Datdd.ci=false: the example is generated even on a CI machine, where the goal would only check.
./mvnw -B -ntp -f target/quiz-game/pom.xml atdd:generate-migrations -Datdd.ci=false "$@"

echo
echo "== Migrations written into target/quiz-game/supabase/migrations =="
for file in target/quiz-game/supabase/migrations/*.sql; do
  if [ ! -e "examples/quiz-game/supabase/migrations/$(basename "$file")" ]; then
    echo
    echo "---- $(basename "$file")"
    cat "$file"
  fi
done

echo
echo "== Next: the checks. This fails on the TODO lines of the relational migration until a reviewer deletes them:"
echo "   ./mvnw -f target/quiz-game/pom.xml verify"
