using SbbCommerce.Bench.Running;

return await BenchApplication.RunAsync(args).ConfigureAwait(false);
