namespace SbbCommerce.Bench.Running;

/// <summary>Process exit codes, so scripts can tell a slow result from a broken run.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Set-up failed, the baseline could not run, or no request got an HTTP response.</summary>
    public const int Failure = 1;

    public const int Usage = 2;

    public const int VerificationFailed = 3;

    /// <summary>Ctrl+C, as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
