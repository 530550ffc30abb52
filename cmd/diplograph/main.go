package main
import (
 _ "github.com/cayleygraph/cayley/graph/all"
 _ "github.com/cayleygraph/cayley/query/gizmo"
 _ "github.com/cayleygraph/cayley/server/http"
 _ "github.com/cayleygraph/cayley/ui"
 _ "github.com/spf13/viper"
 _ "github.com/spf13/cobra"
)
func main(){}
