namespace QuantSim.Datapaths.Tests.Contract;

/// <summary>A valid accelerator config whose <c>datapath:</c> body the test supplies.</summary>
public static class ConfigTexts
{
    public static string With(string datapathBody) => $"""
        name: t
        clock_mhz: 1000
        array:
          rows: 4
          cols: 4
          dataflow: ws
        buffers:
          ifmap:
            capacity_kib: 16
            word_bits: 8
            banks: 1
          filter:
            capacity_kib: 16
            word_bits: 8
            banks: 1
          ofmap:
            capacity_kib: 16
            word_bits: 32
            banks: 1
        dram:
          model: simple
          bandwidth_bytes_per_cycle: 8
          latency_cycles: 100
          burst_bytes: 64
        datapath:
          {datapathBody}
        technology:
          cost_table: horowitz-45nm
        """;
}
