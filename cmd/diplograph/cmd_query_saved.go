package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/queries"
)

// savedFlags are the query command's flags for saved queries.
type savedFlags struct {
	name   string
	params []string
	list   bool
	asJSON bool
}

func (f *savedFlags) bind(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.name, "saved", "", "run the saved query NAME (see --list)")
	cmd.Flags().StringArrayVar(&f.params, "param", nil, "argument of the saved query, NAME=VALUE (repeatable)")
	cmd.Flags().BoolVar(&f.list, "list", false, "list the saved queries and their parameters")
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "with --list: print the list as JSON")
}

// runSaved lists the saved queries or runs one.
func runSaved(cmd *cobra.Command, cfg *config, f savedFlags, args []string) error {
	out := cmd.OutOrStdout()
	if f.list {
		if f.name != "" || len(args) > 0 {
			return fmt.Errorf("--list takes no query")
		}
		if f.asJSON {
			enc := json.NewEncoder(out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(queries.Saved())
		}
		for _, q := range queries.Saved() {
			fmt.Fprintf(out, "%s\n    %s\n", q.Usage(), q.Description)
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			for _, p := range q.Params {
				opt := ""
				if !p.Required {
					opt = fmt.Sprintf(" (default %q)", p.Default)
				}
				fmt.Fprintf(tw, "    %s\t%s\t%s%s\n", p.Name, p.Type, p.Description, opt)
			}
			tw.Flush()
			fmt.Fprintln(out)
		}
		return nil
	}
	if len(args) > 0 {
		return fmt.Errorf("--saved %s takes no query text (got %q); pass arguments with --param", f.name, strings.Join(args, " "))
	}
	q, err := queries.LookupSaved(f.name)
	if err != nil {
		return err
	}
	params, err := queries.ParseParams(f.params)
	if err != nil {
		return err
	}
	if _, err := q.Bind(params); err != nil {
		return fmt.Errorf("%w\nusage: diplograph query --saved %s", err, paramUsage(q))
	}
	s, err := cfg.openStoreForReading(cmd.Context())
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := q.Run(cmd.Context(), s.QuadStore(), params, cfg.limits())
	if err != nil {
		return err
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res.Rows); err != nil {
		return err
	}
	noteTruncated(cmd.ErrOrStderr(), res)
	return nil
}

func paramUsage(q *queries.SavedQuery) string {
	parts := []string{q.Name}
	for _, p := range q.Params {
		s := "--param " + p.Name + "=" + strings.ToUpper(p.Type)
		if !p.Required {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}
