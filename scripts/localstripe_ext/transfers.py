"""Transfers to connected accounts (separate charges and transfers) and their reversals."""
from localstripe.resources import List, StripeObject, store

from .common import money, not_found, require, route, stripe_error, to_int
from .connect import Account


class TransferReversal(StripeObject):
    object = "transfer_reversal"
    _id_prefix = "trr_"

    def __init__(self, transfer, amount, metadata):
        super().__init__()
        self.amount = amount
        self.balance_transaction = None
        self.currency = transfer.currency
        self.destination_payment_refund = None
        self.metadata = dict(metadata or {})
        self.source_refund = None
        self.transfer = transfer.id


class Transfer(StripeObject):
    object = "transfer"
    _id_prefix = "tr_"

    def __init__(self, amount, currency, destination, data):
        super().__init__()
        self.amount = amount
        self.amount_reversed = 0
        self.balance_transaction = None
        self.currency = currency
        self.description = data.get("description")
        self.destination = destination
        self.destination_payment = "py_" + self.id[3:]
        self.metadata = dict(data.get("metadata") or {})
        self.reversed = False
        self.source_transaction = data.get("source_transaction")
        self.source_type = "card"
        self.transfer_group = data.get("transfer_group")
        self._reversals = []

    @property
    def reversals(self):
        return {"object": "list", "data": [r._export() for r in self._reversals],
                "has_more": False, "total_count": len(self._reversals),
                "url": "/v1/transfers/%s/reversals" % self.id}

    @classmethod
    def _get(cls, id_):
        obj = store.get(cls.object + ":" + id_)
        if obj is None:
            raise not_found("transfer", id_)
        return obj


def transfers_from_charge(charge_id):
    return [o for k, o in list(store.items())
            if k.startswith("transfer:") and o.source_transaction == charge_id]


@route("POST", "/v1/transfers")
def create_transfer(request, data):
    require(data, "amount", "currency", "destination")
    amount = to_int(data["amount"], "amount")
    if amount < 1:
        raise stripe_error(400, "This value must be greater than or equal to 1.",
                           code="parameter_invalid_integer", param="amount")
    currency = data["currency"].lower()
    destination = Account._get(data["destination"], param="destination")
    source = data.get("source_transaction")
    if source not in (None, ""):
        charge = store.get("charge:" + source)
        if charge is None:
            raise stripe_error(400, "No such charge: '%s'" % source, code="resource_missing",
                               param="source_transaction")
        if charge.status != "succeeded":
            raise stripe_error(400, "The source_transaction charge %s has not succeeded." % source,
                               param="source_transaction")
        if charge.currency.lower() != currency:
            raise stripe_error(400, "The currency of source_transaction's balance transaction (%s) "
                               "must be the same as the transfer currency (%s)"
                               % (charge.currency, currency), param="currency")
        already = sum(t.amount - t.amount_reversed for t in transfers_from_charge(source))
        available = charge.amount - already
        if amount > available:
            raise stripe_error(400, "Insufficient funds from source_transaction %s: the transfer "
                               "amount (%s) is greater than the amount not yet transferred (%s)."
                               % (source, money(amount, currency), money(available, currency)),
                               code="balance_insufficient", param="amount")
    return Transfer(amount, currency, destination.id, data)


@route("GET", "/v1/transfers/{id}")
def retrieve_transfer(request, data, id):
    return Transfer._get(id)


@route("POST", "/v1/transfers/{id}")
def update_transfer(request, data, id):
    transfer = Transfer._get(id)
    for key, value in (data.get("metadata") or {}).items():
        if value == "":
            transfer.metadata.pop(key, None)
        else:
            transfer.metadata[key] = value
    if "description" in data:
        transfer.description = data["description"]
    return transfer


@route("GET", "/v1/transfers")
def list_transfers(request, data):
    li = List("/v1/transfers", limit=data.get("limit"), starting_after=data.get("starting_after"))
    found = [o for k, o in list(store.items()) if k.startswith("transfer:")]
    for field in ("destination", "transfer_group"):
        if data.get(field):
            found = [t for t in found if getattr(t, field) == data[field]]
    li._list = sorted(found, key=lambda t: t.created, reverse=True)
    return li


@route("POST", "/v1/transfers/{id}/reversals")
def create_reversal(request, data, id):
    transfer = Transfer._get(id)
    left = transfer.amount - transfer.amount_reversed
    if left <= 0:
        raise stripe_error(400, "Transfer %s has already been fully reversed." % transfer.id)
    amount = left if data.get("amount") in (None, "") else to_int(data["amount"], "amount")
    if amount < 1:
        raise stripe_error(400, "This value must be greater than or equal to 1.",
                           code="parameter_invalid_integer", param="amount")
    if amount > left:
        raise stripe_error(400, "Amount (%s) is greater than the amount not yet reversed (%s) on "
                           "transfer %s." % (money(amount, transfer.currency),
                                             money(left, transfer.currency), transfer.id),
                           param="amount")
    reversal = TransferReversal(transfer, amount, data.get("metadata"))
    transfer._reversals.append(reversal)
    transfer.amount_reversed += amount
    transfer.reversed = transfer.amount_reversed >= transfer.amount
    return reversal


@route("GET", "/v1/transfers/{id}/reversals")
def list_reversals(request, data, id):
    return Transfer._get(id).reversals
