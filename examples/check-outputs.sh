#!/usr/bin/env bash
# Are the committed example outputs what powerspec prints today?
#
#   examples/check-outputs.sh [--diff] [--keep] [NAME...]
#
# For each example folder NAME (default: every examples/*/ with a run.sh), copies the folder into a temporary tree
# (beside a copy of proofs/ and a ./powerspec that runs this checkout's launcher), runs its run.sh there, and
# compares every text file of the folder that git tracks (every file, outside a git checkout) with the file run.sh
# wrote in the copy. Nothing in examples/ is changed. One line per file:
#   same        equal after the normalisation below
#   DIFFERS     not equal: the committed output is stale (--diff prints the normalised diff); for a spectrum
#               (CSV j,eigenvalue,abs_error_bound or spectrum's JSON) whose only changes are eigenvalues that moved
#               by less than their error bound, and perhaps the bounds, the line says so and by how much
#   not written run.sh did not rewrite it (an input such as a claim file or README.md, or an output whose command
#               is commented out in run.sh, e.g. the minutes-long benchmarks)
#   binary      rewritten, not compared (PNG plots: fonts and anti-aliasing differ between machines)
#   new         written by run.sh but not committed
# and a final list of the stale files. Exit 0 when nothing differs and every run.sh succeeded, 1 otherwise,
# 2 on bad usage.
#
# Normalisation, applied alike to the committed and the new text before comparing (what may differ between two
# honest runs: timings, dates, the order in which parallel workers finish, the temporary folder's name):
#   - "(12.3 s)" becomes "(# s)" and "12 s elapsed" becomes "# s elapsed" (timings of claims and runs);
#   - the last column of a table whose header's last column is "s" (the seconds of check's run tables, in text
#     and in Markdown) becomes "#";
#   - in JSON, the values of "seconds", "elapsed" and any "..._seconds" key, and every value inside a "seconds"
#     object (spectrum --format json's stage timings), become "#";
#   - dates (2026-01-31, with an optional time) become DATE;
#   - the temporary tree's path becomes this checkout's path;
#   - runs of blanks become one blank and trailing blanks go (a timing column that changes width realigns a table);
#   - progress logs (files named *progress*: stderr of a parallel sweep) are compared as sorted lines with their
#     counters [k/N] blanked, since the workers finish in any order.
# Every other character counts: a digit that changed in an eigenvalue, a verdict or a header line is a difference.
#
# Time: it runs every example, about 8-12 minutes on 2 cores for all of them (dynamics is the longest), which is
# why it is not part of `mvn -B test`; give NAMEs to check only some (symbolic takes ~15 s).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
show_diff=""
keep=""
names=()
for a in "$@"; do
  case "$a" in
    --diff) show_diff=1 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-outputs: unknown option '$a': allowed are --diff, --keep, --help" >&2; exit 2 ;;
    *) names+=("$a") ;;
  esac
done
if [ "${#names[@]}" -eq 0 ]; then
  for d in "$repo"/examples/*/; do
    [ -f "$d/run.sh" ] && names+=("$(basename "$d")")
  done
fi
for n in "${names[@]}"; do
  if [ ! -f "$repo/examples/$n/run.sh" ]; then
    echo "check-outputs: '$n' is not an example: allowed are the folders of examples/ with a run.sh" >&2
    exit 2
  fi
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/powerspec-examples.XXXXXX")"
if [ -z "$keep" ]; then trap 'rm -rf "$tmp"' EXIT; fi
root="$tmp/root"
mkdir -p "$root/examples"
cp -a "$repo/proofs" "$root/proofs"
printf '#!/usr/bin/env bash\nexec "%s/powerspec" "$@"\n' "$repo" > "$root/powerspec"
chmod +x "$root/powerspec"

# build (or find fresh) the jar once, before the first example, so that no timing below includes the build
"$repo/powerspec" --version > /dev/null

in_git=""
if git -C "$repo" rev-parse --show-toplevel > /dev/null 2>&1; then in_git=1; fi

normalise() {  # FILE NAME: the normalised text of FILE on stdout
  local f="$1" name="$2"
  sed -e "s|$root|$repo|g" "$f" | awk '
    function blank_seconds_column(s) {
      if (s ~ /^\|/) { sub(/\|[ ]*[0-9]+(\.[0-9]+)?[ ]*\|[ ]*$/, "| # |", s); return s }
      sub(/[0-9]+(\.[0-9]+)?[ ]*$/, "#", s); return s
    }
    {
      line = $0
      gsub(/\([0-9]+(\.[0-9]+)? s\)/, "(# s)", line)
      gsub(/[0-9]+(\.[0-9]+)? s elapsed/, "# s elapsed", line)
      gsub(/20[0-9][0-9]-[01][0-9]-[0-3][0-9]([T ][0-2][0-9]:[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?Z?)?/, "DATE", line)
      # JSON timings
      if (in_seconds) {
        gsub(/:[ ]*-?[0-9][0-9.eE+-]*/, ": #", line)
        if (line ~ /\}/) in_seconds = 0
      } else if (line ~ /"seconds"[ ]*:[ ]*\{/) {
        in_seconds = 1
        if (line ~ /\}/) { gsub(/:[ ]*-?[0-9][0-9.eE+-]*/, ": #", line); in_seconds = 0 }
      } else {
        while (match(line, /"(seconds|elapsed|[A-Za-z_]*_seconds)"[ ]*:[ ]*-?[0-9][0-9.eE+-]*/)) {
          seg = substr(line, RSTART, RLENGTH)
          sub(/:[ ]*-?[0-9][0-9.eE+-]*$/, ": #", seg)
          line = substr(line, 1, RSTART - 1) seg substr(line, RSTART + RLENGTH)
        }
      }
      # a table whose last column is s (seconds): blank that column until the table ends
      if (in_table) {
        if (line ~ /^[ ]*$/ || (in_table == 2 && line !~ /^\|/)) in_table = 0
        else if (line !~ /^\|[-: |]*$/) line = blank_seconds_column(line)
      } else if (line ~ /\|[ ]*s[ ]*\|[ ]*$/) {
        in_table = 2
      } else if (line ~ /[A-Za-z][ ]+s[ ]*$/ && line !~ /[.:;,]/) {
        in_table = 1
      }
      gsub(/[ \t]+/, " ", line)
      sub(/ $/, "", line)
      print line
    }'
  return 0
}

normalised() {  # FILE NAME: normalise, and for progress logs sort with counters blanked
  case "$2" in
    *progress*) normalise "$1" "$2" | sed -e 's|\[[0-9]*/|[#/|' | LC_ALL=C sort ;;
    *) normalise "$1" "$2" ;;
  esac
}

# Spectra (CSV j,eigenvalue,abs_error_bound, or spectrum --format json): when all that differs is eigenvalues that
# moved by less than their error bound (another CPU's OpenBLAS kernels, a reordered sum) and perhaps the bounds
# themselves, say so: prints the note and succeeds in that case; fails otherwise.
eigen_pairs() {  # FILE: "eigenvalue bound" per line
  awk '
    NR == 1 && /^j,eigenvalue,abs_error_bound/ { csv = 1; next }
    csv { split($0, f, ","); print f[2], f[3]; next }
    /"eigenvalue"[ ]*:/ { v = $0; sub(/.*"eigenvalue"[ ]*:[ ]*"?/, "", v); sub(/"?,?[ ]*$/, "", v) }
    /"abs_error_bound"[ ]*:/ { b = $0; sub(/.*"abs_error_bound"[ ]*:[ ]*"?/, "", b); sub(/"?,?[ ]*$/, "", b); print v, b }
  ' "$1"
}
blank_spectrum() {  # normalised text with the eigenvalues and their bounds blanked
  normalised "$1" "$2" | awk '
    NR == 1 && /^j,eigenvalue,abs_error_bound/ { csv = 1; print; next }
    csv { n = split($0, f, ","); f[2] = "#"; f[3] = "#"; s = f[1]; for (i = 2; i <= n; i++) s = s "," f[i]; print s; next }
    { sub(/"eigenvalue" : "[^"]*"/, "\"eigenvalue\" : #"); sub(/"abs_error_bound" : "[^"]*"/, "\"abs_error_bound\" : #"); print }'
}
within_bounds() {  # OLD NEW NAME
  case "$3" in *.csv|*.json) ;; *) return 1 ;; esac
  [ -n "$(eigen_pairs "$1" | head -n 1)" ] || return 1
  cmp -s <(blank_spectrum "$1" "$3") <(blank_spectrum "$2" "$3") || return 1
  paste -d ' ' <(eigen_pairs "$1") <(eigen_pairs "$2") | awk '
    { d = $1 - $3; if (d < 0) d = -d; b = ($2 + 0 > $4 + 0) ? $2 + 0 : $4 + 0
      if (NF != 4 || d > b) bad = 1; if (b > 0 && d / b > m) m = d / b
      if ($2 != $4) { nb++; if (first == "") first = $2 " -> " $4 } }
    END { if (bad) exit 1
      if (m > 0) printf "eigenvalues moved within their error bounds (largest |change|/bound = %.2g)", m
      else printf "the same eigenvalues"
      if (nb) printf "; %d bounds changed (first: %s)", nb, first }'
}

is_text() {  # empty files and files without NUL bytes or PNG/PDF signatures are text
  [ ! -s "$1" ] && return 0
  case "$1" in *.png|*.jpg|*.jpeg|*.gif|*.pdf) return 1 ;; esac
  LC_ALL=C grep -qI . "$1"
}

stale=()
failed=()
start_all=$SECONDS
for n in "${names[@]}"; do
  src="$repo/examples/$n"
  dst="$root/examples/$n"
  cp -a "$src" "$dst"
  # every file of the copy is made old: afterwards, whatever is newer than the marker was written by run.sh
  find "$dst" -exec touch -h -d '2000-01-01 00:00:00' {} +
  touch "$tmp/marker-$n"
  sleep 1
  echo "== examples/$n: running run.sh..." >&2
  t0=$SECONDS
  if (cd "$dst" && bash ./run.sh) > "$tmp/$n.log" 2>&1; then
    echo "== examples/$n: run.sh done in $((SECONDS - t0)) s" >&2
  else
    rc=$?
    echo "== examples/$n: run.sh FAILED (exit $rc) after $((SECONDS - t0)) s; its last lines:" >&2
    tail -n 20 "$tmp/$n.log" | sed 's/^/   /' >&2
    failed+=("examples/$n/run.sh (exit $rc)")
  fi
  if [ -n "$in_git" ]; then
    tracked="$(cd "$repo" && git ls-files -- "examples/$n" | sed "s|^examples/$n/||")"
  else
    tracked="$(cd "$src" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)"
  fi
  while IFS= read -r rel; do
    [ -n "$rel" ] || continue
    [ "$rel" = "run.sh" ] && continue
    old="$src/$rel"
    new="$dst/$rel"
    [ -f "$old" ] || continue  # tracked but deleted in the work tree
    if [ ! -f "$new" ]; then
      printf '  %-12s examples/%s/%s (run.sh removed it)\n' "DIFFERS" "$n" "$rel"
      stale+=("examples/$n/$rel (no longer written)")
      continue
    fi
    if [ ! "$new" -nt "$tmp/marker-$n" ]; then
      printf '  %-12s examples/%s/%s\n' "not written" "$n" "$rel"
      continue
    fi
    if ! is_text "$old" || ! is_text "$new"; then
      printf '  %-12s examples/%s/%s\n' "binary" "$n" "$rel"
      continue
    fi
    if diff -u --label "committed examples/$n/$rel" --label "now" <(normalised "$old" "$rel") <(normalised "$new" "$rel") \
        > "$tmp/diff" 2>&1; then
      printf '  %-12s examples/%s/%s\n' "same" "$n" "$rel"
    else
      changed="$(grep -c '^[-+][^-+]' "$tmp/diff" || true)"
      if note="$(within_bounds "$old" "$new" "$rel")"; then
        stale+=("examples/$n/$rel ($note)")
      else
        note="$changed changed lines after normalisation"
        stale+=("examples/$n/$rel")
      fi
      printf '  %-12s examples/%s/%s (%s)\n' "DIFFERS" "$n" "$rel" "$note"
      if [ -n "$show_diff" ]; then sed 's/^/      /' "$tmp/diff"; fi
    fi
  done <<< "$tracked"
  # written but not committed
  while IFS= read -r f; do
    [ -n "$f" ] || continue
    rel="${f#./}"
    if ! grep -qxF -- "$rel" <<< "$tracked"; then
      printf '  %-12s examples/%s/%s\n' "new" "$n" "$rel"
    fi
  done < <(cd "$dst" && find . -type f -newer "$tmp/marker-$n" | LC_ALL=C sort)
done

echo
echo "checked ${#names[@]} example folder(s) in $((SECONDS - start_all)) s"
if [ -n "$keep" ]; then echo "the temporary tree is kept: $root (run.sh logs in $tmp/*.log)"; fi
if [ "${#failed[@]}" -gt 0 ]; then
  echo "run.sh failed: ${failed[*]}"
fi
if [ "${#stale[@]}" -eq 0 ]; then
  echo "every committed text output is what run.sh writes today"
else
  echo "stale (${#stale[@]}): rerun the example's run.sh and commit, or see --diff:"
  printf '  %s\n' "${stale[@]}"
fi
[ "${#stale[@]}" -eq 0 ] && [ "${#failed[@]}" -eq 0 ]
