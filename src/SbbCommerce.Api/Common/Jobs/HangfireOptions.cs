namespace SbbCommerce.Api.Common.Jobs;

/// <summary>The <c>Hangfire</c> configuration section.</summary>
internal sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    /// <summary>Run a job server in this host (off in tests: jobs are called directly there).</summary>
    public bool ServerEnabled { get; set; } = true;

    public string SchemaName { get; set; } = "hangfire";

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);
}
