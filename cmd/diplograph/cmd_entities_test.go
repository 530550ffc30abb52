package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEntitiesCommand ingests the identity test reports and runs
// entities: --explain shows the forms of one person and why they were
// joined, --duplicates names the two spellings of Makei the rules leave
// apart, and --aliases FILE --apply joins them in the stored graph.
func TestEntitiesCommand(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	env := []string{"DIPLOGRAPH_STORE_PATH=" + filepath.Join(dir, "store"), "XDG_CONFIG_HOME=" + dir}
	if out, code := run(t, bin, env, "ingest", "../../ingest/identity/testdata/reports"); code != 0 {
		t.Fatalf("ingest: %d\n%s", code, out)
	}
	out, code := run(t, bin, env, "entities", "--explain", "Jaishankar")
	for _, want := range []string{"person:s-jaishankar", `"Subrahmanyam Jaishankar"`, "S Jaishankar is a shorter form of Subrahmanyam Jaishankar"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("explain: exit %d, no %q in\n%s", code, want, out)
		}
	}
	out, code = run(t, bin, env, "entities", "--duplicates")
	if code != 0 || !strings.Contains(out, "person:uladzimir-makei") || !strings.Contains(out, "person:vladimir-makei") {
		t.Errorf("duplicates: exit %d\n%s", code, out)
	}
	aliases := filepath.Join(dir, "people.aliases")
	os.WriteFile(aliases, []byte("Vladimir Makei = Uladzimir Makei\n"), 0o644)
	if out, code = run(t, bin, env, "entities", "--aliases", aliases, "--apply"); code != 0 || !strings.Contains(out, "1 reports rewritten") {
		t.Errorf("apply: exit %d\n%s", code, out)
	}
	out, _ = run(t, bin, env, "entities", "--explain", "Makei")
	if strings.Contains(out, "person:uladzimir-makei") || !strings.Contains(out, `"Uladzimir Makei"`) {
		t.Errorf("after apply, explain Makei:\n%s", out)
	}
}
