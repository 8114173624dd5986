using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using QuantSim.Energy.Model;

namespace QuantSim.Cli.Study;

/// <summary>
/// One self-contained HTML file (plots embedded as data URIs, no scripts, no external resources) that
/// opens offline: the headline table, the equal-accuracy answer, every row, and the config and
/// versions used.
/// </summary>
public static class StudyHtml
{
    public static string Render(StudyResult s, IReadOnlyList<(string Title, byte[] Png)> plots)
    {
        var h = new StringBuilder();
        string E(string text) => WebUtility.HtmlEncode(text);
        string version = typeof(StudyHtml).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>QuantSim study</title>\n");
        h.Append("<style>body{font-family:sans-serif;margin:2em;max-width:1250px}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}th{background:#eee}td:first-child,td:nth-child(2){text-align:left}img{max-width:100%}</style>\n</head><body>\n");
        h.Append(CultureInfo.InvariantCulture, $"<h1>Quantization hardware-overhead study: {E(s.Options.Model)} on {E(s.Options.Dataset)}</h1>\n");
        h.Append(CultureInfo.InvariantCulture,
            $"<p>Accelerator <b>{E(s.Config.Name)}</b> ({s.Config.Array.Rows}x{s.Config.Array.Cols}, {s.Config.ClockMhz} MHz, cost table {E(s.Config.Technology.CostTable)}); ImageNet-scale network <b>{E(s.Options.LargeWorkload)}</b>; equal-accuracy targets {string.Join(", ", s.Options.Targets.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)))} points of float (mean − 1 std over seeds), first/last layers {(s.Options.FirstLastAt8 ? "at 8 bits" : "at the body's bits")}; QAT seeds {string.Join(", ", s.Options.QatSeeds)} from one float checkpoint; QuantSim {E(version)}.</p>\n");

        h.Append($"<h2>Headline: {E(s.Options.Reference)} against scale-offset</h2>\n<table id=\"headline\"><tr><th>precision</th><th>scale-offset form</th><th>accuracy vs {E(s.Options.Reference)} (points, mean over seeds)</th><th>paired t p</th><th>McNemar p per seed</th><th>{E(s.Options.Reference)} efficiency / scale-offset (model)</th><th>(large)</th><th>large: PE arithmetic</th><th>PE</th><th>array datapath</th><th>on-chip</th><th>largest energy increase</th></tr>\n");
        foreach (var r in s.Headline)
        {
            h.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{r.Precision}</td><td>{E(r.Form)}</td><td>{StudyWriter.Delta(r)}</td><td>{StudyWriter.TP(r)}</td><td>{StudyWriter.McNemar(r)}</td><td>{r.EfficiencyRatioModel:0.000}x</td><td>{r.EfficiencyRatioLarge:0.000}x</td><td>{StudyWriter.InnerLevels(r, "</td><td>")}</td><td>{E(r.LargestIncrease)} (+{r.LargestIncreasePj / 1_000_000m:0.000} uJ)</td></tr>\n");
        }

        h.Append($"</table>\n<h2>At equal accuracy</h2>\n<table id=\"equal-accuracy\"><tr><th>target (points)</th><th>variant</th><th>frontier searched (W, A)</th><th>cheapest point</th><th>energy efficiency vs {E(s.Options.Reference)}</th></tr>\n");
        foreach (var c in s.EqualAccuracy)
        {
            h.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{c.TargetPoints:0.###}</td><td>{E(c.Variant)}</td><td>{E(string.Join(", ", c.Frontier))}</td><td>{E(c.Cheapest?.Precision.Label ?? "none meets the target (or no accuracy measured)")}</td><td>{(c.EfficiencyVsReference is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) + "x" : "n/a")}</td></tr>\n");
        }

        h.Append("</table>\n");
        if (!s.EqualAccuracyHeadline.IsEmpty)
        {
            h.Append($"<h2>{E(s.Options.Reference)} against scale-offset at equal accuracy</h2>\n<table id=\"headline-equal-accuracy\"><tr><th>target</th><th>form</th><th>{E(s.Options.Reference)} point</th><th>form point</th><th>accuracy vs {E(s.Options.Reference)}</th>");
            LevelHeaders(h, s, " (energy only)");
            foreach (var r in s.EqualAccuracyHeadline)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{r.TargetPoints:0.###}</td><td>{E(r.Form)}</td><td>{r.LsqPrecision}</td><td>{r.FormPrecision}</td><td>{r.AccuracyDeltaPoints:+0.00;-0.00;0.00}</td>");
                RatioCells(h, r.LevelsModel.Concat(r.LevelsLarge));
            }

            h.Append("</table>\n");
        }

        if (!s.FloatBaseline.IsEmpty)
        {
            h.Append($"<h2>Against the floating-point baseline</h2>\n<p>Float form energy / {E(s.Options.Reference)} energy for the same MACs, at every accounting level; the float forms are priced, not trained.</p>\n<table id=\"float-baseline\"><tr><th>float form</th><th>its precision</th><th>{E(s.Options.Reference)} point</th>");
            LevelHeaders(h, s, string.Empty);
            foreach (var f in s.FloatBaseline)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Form)}</td><td>{f.FormPrecision}</td><td>{f.ReferencePrecision}</td>");
                RatioCells(h, f.LevelsModel.Concat(f.LevelsLarge));
            }

            h.Append("</table>\n");
        }

        if (s.Sensitivity is { } sensitivity)
        {
            h.Append($"<h2>Sensitivity to the cost model</h2>\n<p>Form / {E(s.Options.Reference)} energy: the study's own cost model, and in brackets the lowest and highest ratio over these alternatives:</p>\n<ul>\n");
            foreach (var (name, description, refused) in sensitivity.Alternatives)
            {
                h.Append(CultureInfo.InvariantCulture, $"<li><code>{E(name)}</code>: {E(description)}{(refused is null ? string.Empty : $" (not priced: {E(refused)})")}</li>\n");
            }

            h.Append(CultureInfo.InvariantCulture, $"</ul>\n<table id=\"sensitivity\"><tr><th>comparison</th><th>form</th><th>{E(s.Options.Reference)} point</th><th>form point</th>");
            foreach (var level in QuantSim.Energy.Model.AccountingLevels.All)
            {
                h.Append(CultureInfo.InvariantCulture, $"<th>{E(s.Options.LargeWorkload)} {level.Name()}</th>");
            }

            h.Append("</tr>\n");
            foreach (var (baseline, ranges) in sensitivity.Ranges(p => p.LevelsLarge))
            {
                string comparison = baseline.TargetPoints is double t ? string.Create(CultureInfo.InvariantCulture, $"equal accuracy, {t:0.###} pts") : "equal precision";
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{comparison}</td><td>{E(baseline.Form)}</td><td>{baseline.LsqPoint}</td><td>{baseline.FormPoint}</td>");
                foreach (var r in ranges)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<td title=\"lowest: {E(r.LowBy)}, highest: {E(r.HighBy)}\">{r}</td>");
                }

                h.Append("</tr>\n");
            }

            h.Append("</table>\n");
        }

        foreach (var (title, png) in plots)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2>\n<img alt=\"{E(title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">\n");
        }

        h.Append("<h2>All points</h2>\n<table id=\"rows\"><tr><th>variant</th><th>precision</th><th>top-1 % (mean ± std over seeds)</th><th>per seed</th><th>energy/inference model (uJ)</th><th>TOPS/W model</th><th>energy/inference large (uJ)</th><th>TOPS/W large</th><th>area mm2</th><th>TOPS/mm2</th></tr>\n");
        foreach (var r in s.Rows.Concat(s.Searched.Where(x => !s.Rows.Contains(x))))
        {
            string top1 = StudyWriter.Top1(r.Accuracy);
            string ci = r.Accuracy is { } b ? string.Join("; ", b.Seeds.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Seed}: {x.Point.Top1 * 100:0.00} ({x.Point.Low95 * 100:0.00} .. {x.Point.High95 * 100:0.00})"))) : "n/a";
            h.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(r.Variant.Label)}</td><td>{r.Precision.Label}</td><td>{top1}</td><td>{ci}</td><td>{r.Model.Priced.EnergyPerInferencePj / 1_000_000m:0.000}</td><td>{r.Model.Priced.TopsPerWatt:0.000}</td><td>{r.Large.Priced.EnergyPerInferencePj / 1_000_000m:0.000}</td><td>{r.Large.Priced.TopsPerWatt:0.000}</td><td>{r.Model.Priced.AreaMm2:0.000}</td><td>{r.Model.Priced.TopsPerMm2:0.000}</td></tr>\n");
        }

        h.Append("</table>\n");
        if (!s.Skipped.IsEmpty)
        {
            h.Append("<h2>Not run</h2>\n<ul>\n");
            foreach (var (variant, precision, reason) in s.Skipped)
            {
                h.Append(CultureInfo.InvariantCulture, $"<li>{E(variant)} {precision}: {E(reason)}</li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("</body></html>\n");
        return h.ToString();
    }
    /// <summary>One header cell per accounting level on the trained model, then on the large network, and the row's end.</summary>
    private static void LevelHeaders(StringBuilder h, StudyResult s, string largeSuffix)
    {
        foreach (var (workload, suffix) in new[] { (s.Options.Model, string.Empty), (s.Options.LargeWorkload, largeSuffix) })
        {
            foreach (var level in AccountingLevels.All)
            {
                h.Append(CultureInfo.InvariantCulture, $"<th>{WebUtility.HtmlEncode(workload)} {level.Name()}{suffix}</th>");
            }
        }

        h.Append("</tr>\n");
    }

    /// <summary>One cell per ratio, and the row's end.</summary>
    private static void RatioCells(StringBuilder h, IEnumerable<LevelRatio> levels)
    {
        foreach (var l in levels)
        {
            h.Append(CultureInfo.InvariantCulture, $"<td>{l.EnergyRatio:0.000}x</td>");
        }

        h.Append("</tr>\n");
    }
}
