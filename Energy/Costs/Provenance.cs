namespace QuantSim.Energy.Costs;

/// <summary>How a cost-table number was obtained.</summary>
public enum EntryKind
{
    /// <summary>Copied from the named source.</summary>
    Quoted,

    /// <summary>Computed by arithmetic on quoted numbers; the arithmetic is in the source text.</summary>
    Derived,

    /// <summary>Read off a stated law between quoted or derived points.</summary>
    Interpolated,
}

/// <summary>Where a cost-table entry comes from, and the line of the table that holds it.</summary>
public sealed record Provenance(string Source, EntryKind Kind, int Line);
