//! What a gateway can do besides listing chats, declared per gateway as one
//! `Operations` table (`Provider::OPERATIONS`), so the command layer refuses
//! an operation a gateway lacks (exit 9, naming the gateway) before any call,
//! instead of each gateway implementing a method that only says "no".

use super::ProviderError;

/// An operation a command may ask of a gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `chats list | overview | unread`.
    ListChats,
    /// The messages of one chat.
    Messages,
    /// Mark a chat as read (a write).
    MarkRead,
}

impl Op {
    pub const ALL: [Op; 3] = [Op::ListChats, Op::Messages, Op::MarkRead];

    /// What the operation does, for "GOWA cannot …" messages.
    pub fn describe(self) -> &'static str {
        match self {
            Op::ListChats => "list chats",
            Op::Messages => "show a chat's messages",
            Op::MarkRead => "mark chats as read",
        }
    }
}

/// One gateway's answer for one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    Yes,
    No,
}

/// A gateway's table: one answer per operation. Gateways write
/// `Operations { list_chats: Support::Yes, ..Operations::NONE }`, so a new
/// operation starts as "no" everywhere without touching every gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operations {
    pub list_chats: Support,
    pub messages: Support,
    pub mark_read: Support,
}

impl Operations {
    /// Supports nothing; the base every gateway's table starts from.
    pub const NONE: Operations = Operations {
        list_chats: Support::No,
        messages: Support::No,
        mark_read: Support::No,
    };

    pub fn support(&self, op: Op) -> Support {
        match op {
            Op::ListChats => self.list_chats,
            Op::Messages => self.messages,
            Op::MarkRead => self.mark_read,
        }
    }

    /// `Ok` when `gateway` (its human name) supports `op`, else the
    /// `Unsupported` error (exit 9) that names it.
    pub fn require(&self, gateway: &str, op: Op) -> Result<(), ProviderError> {
        match self.support(op) {
            Support::Yes => Ok(()),
            Support::No => Err(ProviderError::unsupported(format!(
                "{gateway} cannot {}: the gateway offers no such call",
                op.describe()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::Class;

    #[test]
    fn unsupported_op_is_refused_naming_the_gateway() {
        let ops = Operations {
            list_chats: Support::Yes,
            ..Operations::NONE
        };
        assert!(ops.require("GOWA", Op::ListChats).is_ok());
        for op in [Op::Messages, Op::MarkRead] {
            let err = ops.require("GOWA", op).unwrap_err();
            assert_eq!(err.class(), Class::Unsupported);
            let text = err.to_string();
            assert!(
                text.contains("GOWA") && text.contains(op.describe()),
                "{text}"
            );
        }
    }
}
