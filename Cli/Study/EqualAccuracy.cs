namespace QuantSim.Cli.Study;

/// <summary>
/// The study's answer at equal accuracy: for each variant, the cheapest point (lowest energy per
/// inference on the trained model) whose integer accuracy is within <c>margin</c> points of float,
/// and its energy efficiency relative to the reference variant's cheapest point.
/// </summary>
public sealed record EqualAccuracyChoice(string Variant, StudyRow? Cheapest, double? EfficiencyVsReference)
{
    public static IReadOnlyList<EqualAccuracyChoice> Choose(IReadOnlyList<StudyRow> rows, double marginPoints, string reference)
    {
        StudyRow? Cheapest(string variant) => rows
            .Where(r => r.Variant.Label == variant && r.Accuracy is { } a && (a.FloatTop1 - a.Mean) * 100 <= marginPoints)
            .OrderBy(r => r.Model.Priced.EnergyPerInferencePj)
            .ThenBy(r => r.Precision.Label, StringComparer.Ordinal)
            .FirstOrDefault();

        var referenceRow = Cheapest(reference);
        return rows.Select(r => r.Variant.Label).Distinct().Select(v =>
        {
            var row = Cheapest(v);
            double? ratio = row is not null && referenceRow is not null ? row.Model.Priced.InferencesPerJoule / referenceRow.Model.Priced.InferencesPerJoule : null;
            return new EqualAccuracyChoice(v, row, ratio);
        }).ToList();
    }
}
