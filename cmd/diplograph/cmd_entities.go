package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/ingest/identity"
)

// aliases returns the alias file that resolution in s uses (--aliases or
// identity.aliases, else the one stored with the graph), its text, and
// whether it differs from the stored one.
func (c *config) aliases(ctx context.Context, s *graph.Store) (*identity.Aliases, string, bool, error) {
	return identity.EffectiveAliases(ctx, s, c.v.GetString("identity.aliases"))
}

func newEntitiesCmd(cfg *config) *cobra.Command {
	var (
		explain    string
		duplicates bool
		apply      bool
		asJSON     bool
	)
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "People resolved to one node each: explain, list likely duplicates, apply the alias file",
		Long: `Reports write one person's name in many ways ("Sergei Lavrov", "Sergey
Lavrov"; "S Jaishankar", "Subrahmanyam Jaishankar"); ingest resolves them
to one <person:...> node by country and a name key (see the README). This
command shows that resolution on the stored graph:

  --explain NAME   the people whose forms match NAME, every form with its
                   country and number of reports, and why they were joined
                   (or kept apart)
  --duplicates     pairs of people kept apart whose names are close and
                   whose countries agree, for an analyst to review
  --apply          resolve the stored graph again with the alias file
                   (--aliases or identity.aliases) and rewrite the reports
                   whose people move; no report is read again. The file
                   is kept with the graph: later ingests and entities
                   use it until another is applied

Without a flag it prints how many people there are and which were joined.`,
		Example: `  diplograph entities --explain Lavrov
  diplograph entities --duplicates
  diplograph entities --aliases people.aliases --apply`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			rules, err := identity.DefaultRules()
			if err != nil {
				return err
			}
			var s *graph.Store
			if apply {
				s, err = cfg.openStore(ctx)
			} else {
				s, err = cfg.openStoreForReading(ctx)
			}
			if err != nil {
				return err
			}
			defer s.Close()
			al, text, _, err := cfg.aliases(ctx, s)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			var res *identity.Resolution
			if apply {
				var n int
				res, n, err = identity.ApplyAliases(ctx, rules, al, s, text)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "%d people; %d reports rewritten\n", len(res.Clusters), n)
			} else if res, err = identity.ReadStore(ctx, rules, al, s); err != nil {
				return err
			}
			switch {
			case explain != "":
				return printClusters(out, res.Explain(explain), asJSON, true)
			case duplicates:
				return printDuplicates(out, res.Duplicates(), asJSON)
			case !apply:
				var joined []*identity.Cluster
				for _, c := range res.Clusters {
					if len(c.Why) > 0 {
						joined = append(joined, c)
					}
				}
				if !asJSON {
					fmt.Fprintf(out, "%d people, %d with notes:\n", len(res.Clusters), len(joined))
				}
				return printClusters(out, joined, asJSON, false)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&explain, "explain", "", "show the people whose names match NAME and why their forms were joined")
	cmd.Flags().BoolVar(&duplicates, "duplicates", false, "list likely duplicates left: close names, same country")
	cmd.Flags().BoolVar(&apply, "apply", false, "re-resolve the stored graph with the alias file and rewrite what moves")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	addFlag(cmd, "identity.aliases")
	return cmd
}

func printClusters(w io.Writer, cs []*identity.Cluster, asJSON, forms bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if cs == nil {
			cs = []*identity.Cluster{}
		}
		return enc.Encode(cs)
	}
	for _, c := range cs {
		fmt.Fprintf(w, "%s %s (%s)\n", c.IRI, c.Name, strings.Join(c.Countries, ", "))
		if forms {
			for _, f := range c.Forms {
				ctry := f.Country
				if ctry == "" {
					ctry = "no country"
				}
				fmt.Fprintf(w, "  form   %q, %s, %d report(s)\n", f.Written, ctry, f.Reports)
			}
		}
		for _, y := range c.Why {
			fmt.Fprintf(w, "  why    %s\n", y)
		}
	}
	return nil
}

func printDuplicates(w io.Writer, ds []identity.Duplicate, asJSON bool) error {
	if asJSON {
		type row struct {
			A      string `json:"a"`
			B      string `json:"b"`
			Reason string `json:"reason"`
		}
		rows := []row{}
		for _, d := range ds {
			rows = append(rows, row{string(d.A.IRI), string(d.B.IRI), d.Reason})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	for _, d := range ds {
		fmt.Fprintf(w, "%s %s  ~  %s %s: %s\n", d.A.IRI, d.A.Name, d.B.IRI, d.B.Name, d.Reason)
	}
	return nil
}
