package gen
import ("testing";"fmt")
func TestShow(t *testing.T){ g,err:=New(1); if err!=nil{t.Fatal(err)}; for i:=0;i<3;i++{r:=g.Report(i); fmt.Println(r.Kind,r.Countries,len(r.Text)); fmt.Println(r.Text)} }
