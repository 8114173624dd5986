using QuantSim.Cli;
using QuantSim.Datapaths.Contract;

using var interruption = Interruption.OnSignals(Console.Error);
return QuantSimApp.Run(args, Console.Out, Console.Error, () => DatapathRegistry.Default, interruption);
