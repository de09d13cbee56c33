using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.BulkConfirmLines;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ConfirmLine;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.DismissLine;

namespace SbbCommerce.UnitTests.Payments.Reconciliation.Queue;

public sealed class LineRequestValidatorTests
{
    [Fact]
    public void Given_a_payment_When_a_confirmation_is_validated_Then_it_is_accepted()
    {
        new ConfirmLineRequestValidator().TestValidate(new ConfirmLineRequest(Guid.NewGuid(), "seen")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_payment_When_a_confirmation_is_validated_Then_the_payment_is_refused()
    {
        new ConfirmLineRequestValidator().TestValidate(new ConfirmLineRequest(Guid.Empty, null)).ShouldHaveValidationErrorFor(r => r.PaymentId);
    }

    [Fact]
    public void Given_no_reason_When_a_dismissal_is_validated_Then_the_reason_is_refused()
    {
        new DismissLineRequestValidator().TestValidate(new DismissLineRequest("")).ShouldHaveValidationErrorFor(r => r.Reason);
    }

    [Fact]
    public void Given_distinct_lines_and_payments_When_a_bulk_confirmation_is_validated_Then_it_is_accepted()
    {
        var request = new BulkConfirmRequest([new BulkConfirmItem(Guid.NewGuid(), Guid.NewGuid()), new BulkConfirmItem(Guid.NewGuid(), Guid.NewGuid())]);

        new BulkConfirmRequestValidator().TestValidate(request).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_items_When_a_bulk_confirmation_is_validated_Then_the_items_are_refused()
    {
        new BulkConfirmRequestValidator().TestValidate(new BulkConfirmRequest([])).ShouldHaveValidationErrorFor(r => r.Items);
    }

    [Fact]
    public void Given_one_line_twice_When_a_bulk_confirmation_is_validated_Then_it_is_refused()
    {
        var line = Guid.NewGuid();
        var request = new BulkConfirmRequest([new BulkConfirmItem(line, Guid.NewGuid()), new BulkConfirmItem(line, Guid.NewGuid())]);

        new BulkConfirmRequestValidator().TestValidate(request).ShouldHaveValidationErrorFor(r => r.Items).WithErrorMessage("A line appears twice.");
    }

    [Fact]
    public void Given_one_payment_twice_When_a_bulk_confirmation_is_validated_Then_it_is_refused()
    {
        var payment = Guid.NewGuid();
        var request = new BulkConfirmRequest([new BulkConfirmItem(Guid.NewGuid(), payment), new BulkConfirmItem(Guid.NewGuid(), payment)]);

        new BulkConfirmRequestValidator().TestValidate(request).ShouldHaveValidationErrorFor(r => r.Items).WithErrorMessage("A payment appears twice.");
    }

    [Fact]
    public void Given_more_than_200_items_When_a_bulk_confirmation_is_validated_Then_it_is_refused()
    {
        var request = new BulkConfirmRequest(Enumerable.Range(0, 201).Select(_ => new BulkConfirmItem(Guid.NewGuid(), Guid.NewGuid())).ToList());

        new BulkConfirmRequestValidator().TestValidate(request).ShouldHaveValidationErrorFor(r => r.Items).WithErrorMessage("At most 200 lines at once.");
    }

    [Fact]
    public void Given_an_item_without_a_payment_When_a_bulk_confirmation_is_validated_Then_the_item_is_refused()
    {
        var request = new BulkConfirmRequest([new BulkConfirmItem(Guid.NewGuid(), Guid.Empty)]);

        new BulkConfirmRequestValidator().TestValidate(request).ShouldHaveValidationErrorFor("Items[0].PaymentId");
    }
}
