/** Prints the page (a report, a student's own work); the print styles leave out the controls. */
export function PrintButton() {
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        window.print();
      }}
    >
      Print
    </button>
  );
}
