namespace SbbCommerce.Bench.Cli;

/// <summary>A command line the bench refuses; the message is shown to the user as is.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
