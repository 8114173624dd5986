using QuantSim.Simulator.Config;

namespace QuantSim.Simulator.Dram;

/// <summary>Builds the DRAM model a config asks for, on the accelerator's clock.</summary>
public static class DramModels
{
    public static IDramModel Create(DramConfig config, double clockMhz) => config switch
    {
        IdealDramConfig => new IdealDramModel(),
        BandwidthDramConfig b => new BandwidthDramModel(b.BytesPerCycle, b.LatencyCycles, b.BurstBytes),
        TimingDramConfig t => new BankTimingDramModel(t.Parameters, DramClock.For(clockMhz, t.Parameters.TckPs)),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config, "Unknown DRAM model."),
    };
}
