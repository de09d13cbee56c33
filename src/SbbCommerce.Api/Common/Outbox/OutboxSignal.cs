using System.Threading.Channels;

namespace SbbCommerce.Api.Common.Outbox;

/// <summary>
/// Wakes this host's outbox dispatcher when a transaction that wrote outbox rows commits, so a message is on its
/// way in milliseconds instead of at the next poll. Missed or extra signals are harmless: the dispatcher also polls.
/// </summary>
internal sealed class OutboxSignal
{
    // One slot: a burst of commits leaves one wake-up, and the woken drain takes all their messages.
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits for a commit signal or the timeout; true when signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
