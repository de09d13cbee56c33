namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>
/// The outcome of <see cref="IBatchAllocator.AllocateAsync"/>: every unit was allocated (the parts in
/// <see cref="Allocations"/>, in the order they were drawn), or none was.
/// </summary>
/// <param name="Succeeded">True when the whole quantity was allocated.</param>
/// <param name="Allocations">The batches used and how many units from each (empty when refused).</param>
/// <param name="Requested">Units asked for.</param>
/// <param name="Available">
/// Units the eligible batches of the product held when it was tried: at least <see cref="Requested"/> on success,
/// fewer when refused.
/// </param>
public sealed record BatchAllocationResult(bool Succeeded, IReadOnlyList<BatchAllocation> Allocations, int Requested, int Available)
{
    public static BatchAllocationResult Allocated(IReadOnlyList<BatchAllocation> allocations, int requested, int available) =>
        new(true, allocations, requested, available);

    public static BatchAllocationResult Refused(int requested, int available) => new(false, [], requested, available);
}
