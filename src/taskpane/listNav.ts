/**
 * Mouse and keyboard in the findings list (issue 10 item 8). The list is one tab stop: a roving tabindex puts
 * tabindex 0 on the current card and on its own buttons (核实, 忽略, the fold of its consequences), -1 on every
 * other card, so Tab goes from the list to what follows it instead of through 40 cards. ↑/↓ move between the
 * cards that are shown, Enter or Space goes to the finding's cell. ES5-safe: no closest(), no classList.
 */
export class ListNav {
  onGo: (li: HTMLElement) => void = function () {};
  onAction: (li: HTMLElement, action: string) => void = function () {};

  constructor(private readonly box: HTMLElement) {
    const self = this;
    box.onclick = function (e: MouseEvent) {
      let node = e.target as HTMLElement | null;
      while (node && node !== box) {
        const action = node.getAttribute ? node.getAttribute("data-action") : null;
        const tag = node.tagName;
        if (action || tag === "BUTTON" || tag === "INPUT") {
          const li = self.itemOf(node, box);
          if (action && li) self.onAction(li, action);
          return;
        }
        if (self.isItem(node)) {
          self.setCurrent(node);
          self.onGo(node);
          return;
        }
        node = node.parentNode as HTMLElement | null;
      }
    };
    box.onkeydown = function (e: KeyboardEvent) {
      const li = e.target as HTMLElement;
      if (!self.isItem(li)) return;
      const key = e.key || "";
      if (key === "Enter" || key === " " || key === "Spacebar") {
        e.preventDefault();
        self.onGo(li);
        return;
      }
      const step: { [k: string]: number } = { ArrowDown: 1, Down: 1, ArrowUp: -1, Up: -1 };
      if (!(key in step)) return;
      e.preventDefault();
      const all = self.shown();
      const at = all.indexOf(li) + step[key];
      if (at >= 0 && at < all.length) {
        self.setCurrent(all[at]);
        all[at].focus();
      }
    };
    // focusin bubbles (focus does not); IE11 has it too.
    box.addEventListener("focusin", function (e: Event) {
      const li = self.itemOf(e.target as Node, box);
      if (li) self.setCurrent(li);
    });
  }

  private isItem(node: HTMLElement): boolean {
    return node.nodeType === 1 && node.getAttribute("data-index") !== null && /\bjp-item\b/.test(node.className);
  }

  /** The card holding `node`, or null. */
  itemOf(node: Node | null, stop: HTMLElement): HTMLElement | null {
    while (node && node !== stop) {
      if (node.nodeType === 1 && this.isItem(node as HTMLElement)) return node as HTMLElement;
      node = node.parentNode;
    }
    return null;
  }

  items(): HTMLElement[] {
    const list = this.box.querySelectorAll(".jp-item");
    const out: HTMLElement[] = [];
    for (let i = 0; i < list.length; i++) out.push(list[i] as HTMLElement);
    return out;
  }

  /** Cards not inside a folded part. */
  shown(): HTMLElement[] {
    const box = this.box;
    return this.items().filter(function (li) {
      for (let n: Node | null = li; n && n !== box; n = n.parentNode) if ((n as HTMLElement).style && (n as HTMLElement).style.display === "none") return false;
      return true;
    });
  }

  /** The card's own action bar (not that of a consequence folded inside it). */
  ownActions(li: HTMLElement): HTMLElement | null {
    const list = li.querySelectorAll(".jp-actions");
    for (let i = 0; i < list.length; i++) if (this.itemOf(list[i], this.box) === li) return list[i] as HTMLElement;
    return null;
  }

  private ownButtons(li: HTMLElement): HTMLElement[] {
    const self = this;
    const list = li.querySelectorAll("button, input");
    const out: HTMLElement[] = [];
    for (let i = 0; i < list.length; i++) if (self.itemOf(list[i], this.box) === li) out.push(list[i] as HTMLElement);
    return out;
  }

  setCurrent(li: HTMLElement): void {
    const self = this;
    this.items().forEach(function (x) {
      const on = x === li;
      x.setAttribute("tabindex", on ? "0" : "-1");
      self.ownButtons(x).forEach(function (b) {
        b.setAttribute("tabindex", on ? "0" : "-1");
      });
    });
  }

  /** After a render: the first card shown is the list's tab stop. */
  reset(): void {
    const first = this.shown()[0];
    if (first) this.setCurrent(first);
  }

  /** Puts `cls` on the cards of these findings (and takes it off the others); returns the marked cards. */
  mark(indexes: number[], cls: string): HTMLElement[] {
    const hit: HTMLElement[] = [];
    this.items().forEach(function (li) {
      const on = indexes.indexOf(Number(li.getAttribute("data-index"))) >= 0;
      li.className = li.className.replace(new RegExp("\\s*" + cls + "\\b", "g"), "") + (on ? " " + cls : "");
      if (on) hit.push(li);
    });
    return hit;
  }
}
