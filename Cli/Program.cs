using QuantSim.Cli;

return QuantSimApp.Run(args, Console.Out, Console.Error);
