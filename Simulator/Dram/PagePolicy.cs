namespace QuantSim.Simulator.Dram;

/// <summary>
/// Open page keeps a row open after an access (hits are cheap, conflicts pay PRE);
/// closed page precharges right after every access (no conflicts, no hits).
/// </summary>
public enum PagePolicy
{
    Open,
    Closed,
}
